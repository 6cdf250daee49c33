-- Rule tests of the individual titles (ca-nhan.lua, chuyen-de.lua).
-- Run with `commend test --rules rules`.

local CDCS = { id = "CD1", name = "Công đoàn Trường Tiểu học Chợ Rã", kind = "cdcs",
               parent = nil, cluster = "PT-KV2", sector = "giao_duc" }

-- a member who earns Lao động tiên tiến, with fields overridden by `t`
local function dv(id, t)
  local m = { id = id, name = "Đoàn viên " .. id, unit = "CD1", gender = "nam",
              started = "2012-09-01", rating = "tot", participates = true, initiatives = 0 }
  for k, v in pairs(t or {}) do m[k] = v end
  return m
end

test("Lao động tiên tiến: đạt khi hoàn thành tốt, không kỷ luật, tham gia phong trào, đủ 10 tháng", function(t)
  local r = t.evaluate {
    phase = "dot2",
    units = { CDCS },
    members = {
      dv("M1"),
      dv("M2", { rating = "hoan_thanh", discipline = "khien_trach", started = "2021-05-04" }),
      dv("M3", { participates = false }),
      dv("M4", { rating = "xuat_sac", started = "2021-03-01" }),
    },
  }
  t.ok(r.awarded("lao-dong-tien-tien", "M1"))
  t.eq(r.failed("lao-dong-tien-tien", "M1"), {})
  t.eq(r.failed("lao-dong-tien-tien", "M2"), { "xep_loai", "khong_ky_luat", "thoi_gian" })
  t.eq(r.failed("lao-dong-tien-tien", "M3"), { "tham_gia" })
  t.ok(r.awarded("lao-dong-tien-tien", "M4"), "bắt đầu đúng 01/3 vẫn đủ 10 tháng")
  t.ok(not r.eligible("lao-dong-tien-tien", "M2"))
end)

test("Chiến sĩ thi đua cơ sở: cần LĐTT và sáng kiến, không quá 15% số LĐTT (làm tròn)", function(t)
  local members = {}
  -- 10 LĐTT: 15% x 10 = 1,5 -> làm tròn 2; ba người có sáng kiến
  for i = 1, 10 do members[i] = dv(string.format("M%02d", i)) end
  members[1].initiatives = 3
  members[2].initiatives = 1
  members[3].initiatives = 1
  members[3].initiative_scope = "tinh"
  members[11] = dv("M11", { rating = "hoan_thanh", initiatives = 2 })   -- sáng kiến nhưng không LĐTT
  local r = t.evaluate { phase = "dot2", units = { CDCS }, members = members }
  t.ok(r.eligible("cstd-co-so", "M01"))
  t.ok(r.eligible("cstd-co-so", "M02"))
  t.ok(r.awarded("cstd-co-so", "M01"), "nhiều sáng kiến nhất")
  t.ok(r.awarded("cstd-co-so", "M03"), "sáng kiến cấp tỉnh xếp trên cấp cơ sở")
  t.ok(r.eligible("cstd-co-so", "M02") and not r.awarded("cstd-co-so", "M02"), "vượt chỉ tiêu 15%")
  t.eq(r.failed("cstd-co-so", "M04"), { "sang_kien" })
  t.eq(r.failed("cstd-co-so", "M11"), { "ldtt" })
end)

test("Chiến sĩ thi đua cấp tỉnh: ba năm liên tục CSTĐCS và sáng kiến cấp tỉnh", function(t)
  local r = t.evaluate {
    phase = "dot2",
    units = { CDCS },
    members = {
      dv("M1", { initiatives = 2, initiative_scope = "tinh" }),
      dv("M2", { initiatives = 2, initiative_scope = "tinh" }),
      dv("M3", { initiatives = 2, initiative_scope = "co_so" }),
      dv("M4"), dv("M5"), dv("M6"), dv("M7"), dv("M8"), dv("M9"), dv("M10"),
      dv("M11"), dv("M12"), dv("M13"), dv("M14"),   -- 14 LĐTT: chỉ tiêu CSTĐCS 2
    },
    history = {
      { subject = "M1", award = "cstd-co-so", year = 2019 },
      { subject = "M1", award = "cstd-co-so", year = 2020 },
      { subject = "M2", award = "cstd-co-so", year = 2018 },
      { subject = "M2", award = "cstd-co-so", year = 2020 },   -- 2019 bị gián đoạn
      { subject = "M3", award = "cstd-co-so", year = 2019 },
      { subject = "M3", award = "cstd-co-so", year = 2020 },
    },
  }
  t.ok(r.awarded("cstd-co-so", "M1") and r.awarded("cstd-co-so", "M2"))
  t.ok(r.awarded("cstd-cap-tinh", "M1"))
  t.eq(r.failed("cstd-cap-tinh", "M2"), { "ba_nam" })
  t.ok(not r.awarded("cstd-co-so", "M3"), "hết chỉ tiêu 15%: không xét cấp tỉnh")
  t.eq(r.failed("cstd-cap-tinh", "M3"), nil)
end)

test("Giỏi việc nước, đảm việc nhà: nữ đoàn viên, gia đình văn hóa, hoạt động nữ công", function(t)
  local r = t.evaluate {
    phase = "dot2",
    units = { CDCS },
    members = {
      dv("F1", { gender = "nu", culture_family = true, women_activities = true }),
      dv("F2", { gender = "nu", culture_family = false, women_activities = false, rating = "hoan_thanh" }),
      dv("F3", { gender = "nu", culture_family = true, women_activities = true, discipline = "khien_trach" }),
      dv("N1", { culture_family = true }),
    },
  }
  t.ok(r.awarded("gioi-viec-nuoc", "F1"))
  t.eq(r.failed("gioi-viec-nuoc", "F2"), { "xep_loai", "gia_dinh", "nu_cong" })
  t.eq(r.failed("gioi-viec-nuoc", "F3"), { "khong_ky_luat" })
  t.ok(not r.eligible("gioi-viec-nuoc", "N1"), "chỉ xét nữ")
end)

test("Giỏi việc nước, đảm việc nhà: không quá 30% số LĐTT của đơn vị, ưu tiên xuất sắc, sáng kiến, nhiều năm", function(t)
  local members = {}
  -- 10 LĐTT, 8 nữ đủ tiêu chuẩn: 30% x 10 = 3 người
  for i = 1, 8 do
    members[i] = dv("G" .. i, { gender = "nu", culture_family = true, women_activities = true })
  end
  members[1].rating = "xuat_sac"     -- 10 điểm ưu tiên
  members[2].initiatives = 2         -- 4
  members[9] = dv("N1")
  members[10] = dv("N2")
  local history = { { subject = "G3", award = "gioi-viec-nuoc", year = 2019 },
                    { subject = "G3", award = "gioi-viec-nuoc", year = 2020 } }   -- 2
  local r = t.evaluate { phase = "dot2", units = { CDCS }, members = members, history = history }
  t.ok(r.awarded("gioi-viec-nuoc", "G1") and r.awarded("gioi-viec-nuoc", "G2") and r.awarded("gioi-viec-nuoc", "G3"))
  for i = 4, 8 do
    t.ok(r.eligible("gioi-viec-nuoc", "G" .. i) and not r.awarded("gioi-viec-nuoc", "G" .. i), "G" .. i .. ": ngoài chỉ tiêu")
  end
end)

test("Lao động sáng tạo: phạm vi tỉnh, làm lợi từ 100 triệu, tối đa 5 người toàn tỉnh", function(t)
  local members = {}
  for i = 1, 7 do
    members[i] = dv("M" .. i, { initiatives = 1, initiative_scope = "tinh", benefit = 100 + i })
  end
  members[8] = dv("M8", { initiatives = 1, initiative_scope = "co_so", benefit = 50 })
  members[9] = dv("M9", { initiatives = 1, initiative_scope = "toan_quoc", discipline = "khien_trach" })
  local r = t.evaluate { phase = "dot2", units = { CDCS }, members = members }
  t.ok(r.eligible("lao-dong-sang-tao", "M1"))
  t.ok(not r.awarded("lao-dong-sang-tao", "M1") and not r.awarded("lao-dong-sang-tao", "M2"))
  t.ok(r.awarded("lao-dong-sang-tao", "M3") and r.awarded("lao-dong-sang-tao", "M7"))
  t.eq(r.failed("lao-dong-sang-tao", "M8"), { "pham_vi", "lam_loi" })
  t.eq(r.failed("lao-dong-sang-tao", "M9"), { "lam_loi", "khong_ky_luat" })
end)

test("Tham mưu giỏi, phục vụ tốt: cán bộ chuyên trách, mỗi cơ quan một người", function(t)
  local r = t.evaluate {
    phase = "dot2",
    units = { { id = "H02", name = "Liên đoàn Lao động huyện Ba Bể", kind = "huyen", cluster = "KHOI-HUYEN" } },
    members = {
      dv("S1", { unit = "H02", staff = true, rating = "xuat_sac", proposals = 4 }),
      dv("S2", { unit = "H02", staff = true, rating = "xuat_sac", proposals = 3 }),
      dv("S3", { unit = "H02", staff = true, rating = "tot", proposals = 1, participates = false }),
    },
  }
  t.ok(r.awarded("tham-muu-gioi", "S1"))
  t.ok(r.eligible("tham-muu-gioi", "S2") and not r.awarded("tham-muu-gioi", "S2"))
  t.eq(r.failed("tham-muu-gioi", "S3"), { "ldtt", "xuat_sac", "tham_muu" })
end)

test("Giấy khen \"Đoàn kết sáng tạo\" (đợt 1): tối đa 2 người mỗi CĐCS", function(t)
  local r = t.evaluate {
    phase = "dot1",
    units = { CDCS },
    members = {
      dv("M1", { initiatives = 2 }), dv("M2", { initiatives = 1, initiative_scope = "tinh" }),
      dv("M3", { initiatives = 1 }), dv("M4", { initiatives = 1, rating = "hoan_thanh" }),
      dv("M5", { initiatives = 1, discipline = "canh_cao" }), dv("M6"),
    },
  }
  t.ok(r.awarded("gk-doan-ket-sang-tao", "M1") and r.awarded("gk-doan-ket-sang-tao", "M2"))
  t.ok(r.eligible("gk-doan-ket-sang-tao", "M3") and not r.awarded("gk-doan-ket-sang-tao", "M3"))
  t.eq(r.failed("gk-doan-ket-sang-tao", "M4"), { "xep_loai" })
  t.eq(r.failed("gk-doan-ket-sang-tao", "M5"), { "khong_ky_luat" })
  t.eq(r.failed("gk-doan-ket-sang-tao", "M6"), nil, "không có sáng kiến: không xét")
end)

test("Bằng khen chuyên đề \"Giỏi việc nước, đảm việc nhà\" (đợt 1): ba năm liên tục, tối đa 4", function(t)
  local members, history = {}, {}
  for i = 1, 6 do
    members[i] = dv("F" .. i, { gender = "nu", rating = "xuat_sac", culture_family = true })
    for y = 2018, 2020 do history[#history + 1] = { subject = "F" .. i, award = "gioi-viec-nuoc", year = y } end
  end
  members[7] = dv("F7", { gender = "nu", rating = "tot", culture_family = false, discipline = "khien_trach" })
  history[#history + 1] = { subject = "F7", award = "gioi-viec-nuoc", year = 2020 }
  local r = t.evaluate { phase = "dot1", units = { CDCS }, members = members, history = history }
  local n = 0
  for i = 1, 6 do if r.awarded("bk-gioi-viec-nuoc", "F" .. i) then n = n + 1 end end
  t.eq(n, 4, "toàn tỉnh không quá 4")
  t.ok(r.eligible("bk-gioi-viec-nuoc", "F6"))
  t.eq(r.failed("bk-gioi-viec-nuoc", "F7"), { "ba_nam", "xuat_sac", "gia_dinh", "khong_ky_luat" })
end)
