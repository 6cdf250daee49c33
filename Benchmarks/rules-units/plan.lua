-- The sample plan's year and phases (rules/plan.lua), with only the fields
-- this rule set reads; the other columns of the generated data reach Lua
-- as strings.
plan {
  id = "bac-kan-2021-units",
  name = "Bắc Kạn 2021: đơn vị và đoàn viên (benchmark)",
  year = 2021,
  phases = {
    { id = "dot1", name = "Đợt 1: sơ kết 6 tháng đầu năm", from = "2021-01-01", to = "2021-06-30" },
    { id = "dot2", name = "Đợt 2: tổng kết năm", from = "2021-07-01", to = "2021-12-31" },
  },
  fields = {
    members = {
      gender = enum { "nam", "nu" },
      rating = enum { "xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh" },
      initiatives = "int",
      research = "bool",
      discipline = enum { "khien_trach", "canh_cao", "ha_bac", "cach_chuc", "buoc_thoi_viec" },
      merit = "number",
    },
  },
}
