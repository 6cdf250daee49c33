-- Rule tests of the thematic awards of units and the plaques on works
-- (chuyen-de.lua). Run with `commend test --rules rules`.

local HUYEN = { id = "H01", name = "Liên đoàn Lao động thành phố Bắc Kạn", kind = "huyen", cluster = "KHOI-HUYEN" }

local function cdcs(id, t)
  local u = { id = id, name = "Công đoàn cơ sở " .. id, kind = "cdcs", parent = "H01", cluster = "HC-KV1",
              sector = "hanh_chinh", green_score = 85, accidents = 0, osh_network = true }
  for k, v in pairs(t or {}) do u[k] = v end
  return u
end

test("Xanh - Sạch - Đẹp: Giấy khen 20% (làm tròn lên) mỗi công đoàn cấp trên, Bằng khen tối đa 4 toàn tỉnh", function(t)
  local r = t.evaluate {
    phase = "dot1",
    units = { HUYEN,
              cdcs("U1", { green_score = 95 }), cdcs("U2", { green_score = 94 }), cdcs("U3", { green_score = 93 }),
              cdcs("U4", { green_score = 92 }), cdcs("U5", { green_score = 91 }), cdcs("U6", { green_score = 85 }),
              cdcs("U7", { green_score = 70, accidents = 1, osh_network = false }) },
  }
  -- 6 CĐCS đủ tiêu chuẩn: 20% x 6 = 1,2 -> 2
  t.ok(r.awarded("gk-xanh-sach-dep", "U1") and r.awarded("gk-xanh-sach-dep", "U2"))
  t.ok(r.eligible("gk-xanh-sach-dep", "U3") and not r.awarded("gk-xanh-sach-dep", "U3"))
  t.eq(r.failed("gk-xanh-sach-dep", "U7"), { "diem", "khong_tai_nan", "mang_luoi" })
  -- từ 90 điểm: 5 đơn vị, chỉ 4 được đề nghị
  t.ok(r.awarded("bk-xanh-sach-dep", "U4"))
  t.ok(r.eligible("bk-xanh-sach-dep", "U5") and not r.awarded("bk-xanh-sach-dep", "U5"))
  t.eq(r.failed("bk-xanh-sach-dep", "U6"), { "diem_cao" })
  t.eq(r.failed("bk-xanh-sach-dep", "U7"), { "du_dieu_kien_gk", "diem_cao" })
end)

test("Gắn biển công trình: hoàn thành trong đợt, đã nghiệm thu, đủ giá trị, chào mừng ngày lễ của đợt", function(t)
  local units = { HUYEN,
    cdcs("W1", { sector = "giao_duc", work = "Nhà lớp học 2 tầng", work_value = 500,
                 work_finished = "2021-04-30", work_accepted = true, work_occasion = "30-4" }),
    cdcs("W2", { sector = "doanh_nghiep", work = "Nhà xưởng sản xuất", work_value = 800,
                 work_finished = "2021-07-15", work_accepted = false, work_occasion = "28-7" }),
    cdcs("W3"),
    cdcs("W4", { sector = "hanh_chinh", work = "Nhà văn hóa thôn", work_value = 400,
                 work_finished = "2021-05-10", work_accepted = true }),
    cdcs("W5", { sector = "doanh_nghiep", work = "Dây chuyền sấy chè", work_value = 1200,
                 work_finished = "2021-08-30", work_accepted = true, work_occasion = "2-9" }) }
  local r1 = t.evaluate { phase = "dot1", units = units }
  t.ok(r1.awarded("gan-bien-cong-trinh", "W1"), "chào mừng 30/4, hoàn thành 30/4/2021")
  t.eq(r1.failed("gan-bien-cong-trinh", "W2"), { "hoan_thanh", "nghiem_thu", "gia_tri", "ngay_le" })
  t.eq(r1.failed("gan-bien-cong-trinh", "W3"), nil, "không đăng ký công trình: không xét")
  t.eq(r1.failed("gan-bien-cong-trinh", "W4"), { "ngay_le" }, "không đăng ký chào mừng ngày lễ nào")
  local r2 = t.evaluate { phase = "dot2", units = units }
  t.eq(r2.failed("gan-bien-cong-trinh", "W1"), { "hoan_thanh", "ngay_le" }, "30/4 thuộc đợt 1")
  t.eq(r2.failed("gan-bien-cong-trinh", "W2"), { "nghiem_thu", "gia_tri" })
  t.ok(r2.awarded("gan-bien-cong-trinh", "W5"), "chào mừng Quốc khánh 2/9, doanh nghiệp trên 1 tỷ đồng")
end)
