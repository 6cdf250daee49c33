plan {
  id = "vi-du-nhung", name = "Thi đua năm 2021 (ví dụ nhúng)", year = 2021,
  phases = { { id = "dot2", name = "Tổng kết năm", from = "2021-07-01", to = "2021-12-31" } },
  fields = {
    members = { rating = enum { "xuat_sac", "tot", "hoan_thanh" }, disciplined = "bool" },
    units = { cluster = "string", new_members = "int", fee_rate = "number" },
  },
}
