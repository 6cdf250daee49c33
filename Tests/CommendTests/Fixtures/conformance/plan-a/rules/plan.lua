plan {
  id = "p-2021", name = "Kế hoạch 2021", year = 2021,
  phases = {
    { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" },
    { id = "dot2", name = "Đợt 2", from = "2021-07-01", to = "2021-12-31" },
  },
  movements = { { id = "mv", name = "Phong trào" } },
  fields = {
    members = { rating = enum { "xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh" },
                initiatives = "int", disciplined = "bool", gender = enum { "nam", "nu" },
                joined = "date", score = "number", note = "string" },
    units = { fee_rate = "number", founded = "date", plaques = "int", incidents = "int", new_members = "int" },
  },
}
