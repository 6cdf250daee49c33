-- Rule tests of the scoring tables (cham-diem.lua): points above an item's
-- max are clamped to it, so exceeding a target never buys more than the
-- item's max. Every total below is worked out by hand in the comments.
-- Run with `commend test --rules rules`.
--
-- Item "phong_trao" (II) of xep-loai-cdcs never clamps: its parts are capped
-- inside the function (5 + 10 + 6 + 4 = 25 = max), so no data can take it
-- above 25 or below 0. Coverage reports it "never seen clamped" on purpose.

local HTXS = "Hoàn thành xuất sắc nhiệm vụ"
local HTT = "Hoàn thành tốt nhiệm vụ"

-- a grassroots union that does everything well (100 points with 5 LĐTT
-- members of whom 2 have an initiative); `t` overrides fields
local function cdcs(id, t)
  local u = { id = id, name = "Công đoàn cơ sở " .. id, kind = "cdcs", parent = "H01", cluster = "PT-KV1",
              sector = "giao_duc", district = "tp-bac-kan", founded = "2005-09-05", workers = 5,
              rating = "xuat_sac", dialogue = true, agreement = true, care_rate = 1.0, registered = true,
              new_members = 1, member_target = 1, trained = true, fee_rate = 1.0, report_on_time = true,
              inspected = true, commended = 0, late_reports = 0, violations = 0, green_score = 85 }
  for k, v in pairs(t or {}) do u[k] = v end
  return u
end

-- five LĐTT members of `unit`, the first `initiatives` with one initiative
local function dvs(list, unit, initiatives)
  local ratings = { "tot", "tot", "xuat_sac", "tot", "tot" }
  for i, r in ipairs(ratings) do
    list[#list + 1] = { id = unit .. "-M" .. i, name = "Đoàn viên " .. i, unit = unit, gender = "nu",
                        started = "2015-08-15", rating = r, participates = true,
                        initiatives = i <= initiatives and 1 or 0 }
  end
  return list
end

test("Xếp loại CĐCS: vượt chỉ tiêu chỉ được tối đa điểm của mục (I, III, IV), điểm thưởng tối đa 5", function(t)
  local members = {}
  for _, u in ipairs({ "U1", "U2", "U3", "U4" }) do dvs(members, u, 2) end
  local r = t.evaluate {
    phase = "dot2",
    units = {
      { id = "H01", name = "Liên đoàn Lao động thành phố Bắc Kạn", kind = "huyen", cluster = "KHOI-HUYEN" },
      -- I:   10 + 10 + 10 x 1,2 = 32 -> 30 (tỷ lệ thăm hỏi báo cáo 120%)
      -- III: 10 x 3/1 + 10 + 5 = 45 -> 25 (kết nạp gấp ba chỉ tiêu)
      -- IV:  10 x 1,1 + 5 + 5 = 21 -> 20 (thu nộp 110%, có truy thu năm trước)
      -- II:  5 + 10 (100% LĐTT) + 6 (40% có sáng kiến) + 4 (85 điểm XSĐ) = 25
      -- tổng 30 + 25 + 25 + 20 = 100, không phải 123
      cdcs("U1", { care_rate = 1.2, new_members = 3, member_target = 1, fee_rate = 1.1 }),
      cdcs("U2"),                                             -- 30 + 25 + 25 + 20 = 100
      cdcs("U3", { commended = 4 }),                          -- thưởng 2 x 4 = 8 -> 5: 105
      cdcs("U4", { late_reports = 1, violations = 1 }),       -- trừ 2 + 5 = 7: 93
    },
    members = members,
  }
  t.eq(r.total("xep-loai-cdcs", "U1"), 100)
  t.eq(r.total("xep-loai-cdcs", "U2"), 100)
  t.eq(r.total("xep-loai-cdcs", "U3"), 105)
  t.eq(r.total("xep-loai-cdcs", "U4"), 93)
  -- U1 và U2 bằng điểm ở tổng và ở mọi mục xét phụ: cùng hạng 2
  t.eq(r.rank("xep-loai-cdcs", "U3"), 1)
  t.eq(r.rank("xep-loai-cdcs", "U1"), 2)
  t.eq(r.rank("xep-loai-cdcs", "U2"), 2)
  t.eq(r.rank("xep-loai-cdcs", "U4"), 4)
  t.eq(r.grade("xep-loai-cdcs", "U1"), HTXS)
  t.eq(r.grade("xep-loai-cdcs", "U4"), HTXS)
end)

test("Chấm điểm khối huyện: vượt chỉ tiêu kết nạp và thu nộp trên 100% chỉ được tối đa điểm của mục", function(t)
  local members = {}
  dvs(members, "U1", 1)
  dvs(members, "U2", 1)
  dvs(members, "U3", 1)
  dvs(members, "U4", 0)
  -- U1, U2, U3: 30 + (5 + 10 + 6 x 0,2/0,25 + 4) + 25 + 20 = 98,8, xuất sắc, TTLĐTT
  -- U4 yếu, không đăng ký thi đua (không đạt TTLĐTT):
  --   I 10 x 0,2 = 2; II 0 + 10 + 0 + 0 = 10; III 0 + 10 + 0 = 10; IV 10 x 0,5 = 5;
  --   trừ 2 x 3 + 5 = 11; tổng 16, "Không hoàn thành nhiệm vụ"
  local weak = { parent = "H02", rating = "tot", dialogue = false, agreement = false, care_rate = 0.2,
                 registered = false, new_members = 0, member_target = 5, trained = false, fee_rate = 0.5,
                 report_on_time = false, inspected = false, late_reports = 3, violations = 1, green_score = 40 }
  local r = t.evaluate {
    phase = "dot2",
    units = {
      -- H01: 2/2 CĐCS tốt trở lên: 30 x 1/0,8 = 37,5 -> 30; 2/2 TTLĐTT: 20 x 1/0,8 = 25 -> 20;
      --      kết nạp 12/10: 20 x 1,2 = 24 -> 20; thu nộp 105%: 20 x 1,05 + 10 = 31 -> 30;
      --      tổng 100
      { id = "H01", name = "Liên đoàn Lao động thành phố Bắc Kạn", kind = "huyen", cluster = "KHOI-HUYEN",
        new_members = 12, member_target = 10, fee_rate = 1.05, report_on_time = true },
      -- H02: 1/2 tốt trở lên: 18,75; 1/2 TTLĐTT: 12,5; kết nạp 8/10: 16; 20 x 0,9 + 10 = 28;
      --      thưởng 2,5 x 1; trừ 2 x 1; tổng 75,25 + 2,5 - 2 = 75,75
      { id = "H02", name = "Liên đoàn Lao động huyện Ba Bể", kind = "huyen", cluster = "KHOI-HUYEN",
        new_members = 8, member_target = 10, fee_rate = 0.9, report_on_time = true,
        commended = 1, late_reports = 1 },
      cdcs("U1"), cdcs("U2"), cdcs("U3", { parent = "H02" }), cdcs("U4", weak),
    },
    members = members,
  }
  t.eq(r.total("xep-loai-cdcs", "U1"), 98.8)
  t.eq(r.total("xep-loai-cdcs", "U4"), 16)
  t.eq(r.grade("xep-loai-cdcs", "U4"), "Không hoàn thành nhiệm vụ")
  t.ok(r.awarded("tt-lao-dong-tien-tien", "U3"))
  t.eq(r.failed("tt-lao-dong-tien-tien", "U4"), { "phong_trao" })
  t.eq(r.total("cham-diem-khoi", "H01"), 100)
  t.eq(r.total("cham-diem-khoi", "H02"), 75.75)
  t.eq(r.rank("cham-diem-khoi", "H01"), 1)
  t.eq(r.rank("cham-diem-khoi", "H02"), 2)
  t.eq(r.grade("cham-diem-khoi", "H01"), HTXS)
  t.eq(r.grade("cham-diem-khoi", "H02"), HTT)
end)
