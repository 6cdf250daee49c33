-- Rule tests of the Bằng khen of the provincial standing committee after
-- each phase and of the initiatives proposed to the provincial Fatherland
-- Front (bieu-duong.lua). Run with `commend test --rules rules`.

local CDCS = { id = "CD1", name = "Công đoàn Trường Tiểu học Chợ Rã", kind = "cdcs",
               parent = nil, cluster = "PT-KV2", sector = "giao_duc" }

local function dv(id, t)
  local m = { id = id, name = "Đoàn viên " .. id, unit = "CD1", gender = "nam",
              started = "2012-09-01", rating = "xuat_sac", participates = true, initiatives = 0 }
  for k, v in pairs(t or {}) do m[k] = v end
  return m
end

local function cdcs(id, t)
  local u = { id = id, name = "Công đoàn cơ sở " .. id, kind = "cdcs", cluster = "HC-KV1",
              sector = "hanh_chinh", green_score = 85, accidents = 0, osh_network = true }
  for k, v in pairs(t or {}) do u[k] = v end
  return u
end

test("Bằng khen BTV LĐLĐ tỉnh, cá nhân: xuất sắc, không kỷ luật, hồ sơ từ 80 điểm, đúng phong trào", function(t)
  local r = t.evaluate {
    phase = "dot1",
    units = { CDCS },
    members = {
      dv("P1", { proposed = "lao-dong-gioi", merit = 92, initiatives = 1 }),
      dv("P2", { proposed = "lao-dong-gioi", merit = 85, rating = "tot", discipline = "khien_trach" }),
      dv("P3", { proposed = "gioi-viec-nuoc", merit = 70 }),
      dv("P4", { proposed = "gioi-viec-nuoc", merit = 88, gender = "nu", culture_family = true }),
      dv("P5", { proposed = "tham-muu-gioi", merit = 90, staff = false }),
      dv("P6", { proposed = "tham-muu-gioi", merit = 90, staff = true }),
      dv("P7", { proposed = "van-hoa-cong-so" }),
      dv("P8", { proposed = "gioi-viec-nuoc", merit = 95, gender = "nu", culture_family = false }),
      dv("N1"),
    },
  }
  t.ok(r.awarded("bk-ldld-ca-nhan", "P1"))
  t.eq(r.failed("bk-ldld-ca-nhan", "P2"), { "xep_loai", "khong_ky_luat", "phong_trao" })
  t.eq(r.failed("bk-ldld-ca-nhan", "P3"), { "thanh_tich", "phong_trao" }, "nam đoàn viên, 70 điểm")
  t.ok(r.awarded("bk-ldld-ca-nhan", "P4"))
  t.eq(r.failed("bk-ldld-ca-nhan", "P5"), { "phong_trao" })
  t.ok(r.awarded("bk-ldld-ca-nhan", "P6"))
  t.eq(r.failed("bk-ldld-ca-nhan", "P7"), { "thanh_tich" }, "chưa có điểm thẩm định")
  t.eq(r.failed("bk-ldld-ca-nhan", "P8"), { "phong_trao" }, "gia đình chưa đạt gia đình văn hóa")
  t.eq(r.failed("bk-ldld-ca-nhan", "N1"), nil, "không được đề nghị: không xét")
end)

test("Bằng khen BTV LĐLĐ tỉnh, cá nhân: mỗi phong trào không quá 5 người, điểm hồ sơ cao trước", function(t)
  local members = {}
  for i = 1, 6 do members[i] = dv("Q" .. i, { proposed = "nong-thon-moi", merit = 96 - i }) end
  members[7] = dv("R1", { proposed = "vi-nguoi-ngheo", merit = 81 })
  local r = t.evaluate { phase = "dot2", units = { CDCS }, members = members }
  for i = 1, 5 do t.ok(r.awarded("bk-ldld-ca-nhan", "Q" .. i), "Q" .. i) end
  t.ok(r.eligible("bk-ldld-ca-nhan", "Q6") and not r.awarded("bk-ldld-ca-nhan", "Q6"), "người thứ 6 của phong trào")
  t.ok(r.awarded("bk-ldld-ca-nhan", "R1"), "phong trào khác có chỉ tiêu riêng")
end)

test("Bằng khen BTV LĐLĐ tỉnh, tập thể: an toàn, hồ sơ từ 80 điểm, đúng phong trào; đợt 2 cần xuất sắc", function(t)
  local r1 = t.evaluate {
    phase = "dot1",
    units = {
      cdcs("T1", { proposed = "xanh-sach-dep", merit = 85, green_score = 90 }),
      cdcs("T2", { proposed = "xanh-sach-dep", merit = 75, green_score = 80, accidents = 1 }),
      cdcs("T3", { proposed = "doanh-nghiep-hoi-nhap", merit = 90 }),
      cdcs("T4", { proposed = "doanh-nghiep-hoi-nhap", merit = 90, sector = "doanh_nghiep" }),
      cdcs("T9"),
    },
  }
  t.ok(r1.awarded("bk-ldld-tap-the", "T1"))
  t.eq(r1.failed("bk-ldld-tap-the", "T2"), { "an_toan", "thanh_tich", "phong_trao" })
  t.eq(r1.failed("bk-ldld-tap-the", "T3"), { "phong_trao" })
  t.ok(r1.awarded("bk-ldld-tap-the", "T4"))
  t.eq(r1.failed("bk-ldld-tap-the", "T9"), nil)
  local units = { cdcs("T5", { proposed = "vi-nguoi-ngheo", merit = 90, rating = "tot" }),
                  cdcs("T6", { proposed = "vi-nguoi-ngheo", merit = 90, rating = "xuat_sac" }) }
  for i = 1, 4 do
    units[#units + 1] = cdcs("V" .. i, { proposed = "van-hoa-cong-so", merit = 90 + i, rating = "xuat_sac" })
  end
  local r2 = t.evaluate { phase = "dot2", units = units }
  t.eq(r2.failed("bk-ldld-tap-the", "T5"), { "xep_loai" })
  t.ok(r2.awarded("bk-ldld-tap-the", "T6"))
  t.ok(r2.awarded("bk-ldld-tap-the", "V4") and r2.awarded("bk-ldld-tap-the", "V2"))
  t.ok(r2.eligible("bk-ldld-tap-the", "V1") and not r2.awarded("bk-ldld-tap-the", "V1"), "mỗi phong trào 3 tập thể")
end)

test("Sáng kiến đề nghị UBMTTQ tỉnh: có hồ sơ, phạm vi tỉnh hoặc làm lợi từ 50 triệu; không giới hạn số lượng", function(t)
  local r = t.evaluate {
    phase = "dot2",
    units = { CDCS },
    members = {
      dv("S1", { initiatives = 1, initiative_scope = "tinh", dossier = true }),
      dv("S2", { initiatives = 2, initiative_scope = "co_so", benefit = 60, dossier = true }),
      dv("S3", { initiatives = 1, initiative_scope = "co_so", benefit = 10, dossier = false, discipline = "canh_cao" }),
      dv("S4"),
      dv("S5", { initiatives = 3, initiative_scope = "toan_quoc", dossier = true }),
    },
  }
  t.ok(r.awarded("de-nghi-mttq", "S1") and r.awarded("de-nghi-mttq", "S2") and r.awarded("de-nghi-mttq", "S5"),
       "ba người cùng một công đoàn cơ sở: danh sách đề nghị không bị giới hạn 2 người")
  t.eq(r.failed("de-nghi-mttq", "S3"), { "ho_so", "hieu_qua", "khong_ky_luat" })
  t.eq(r.failed("de-nghi-mttq", "S4"), nil, "không có sáng kiến: không xét")
end)
