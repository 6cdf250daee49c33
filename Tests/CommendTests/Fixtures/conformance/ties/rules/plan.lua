plan { id = "p", name = "P", year = 2021,
  phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
  fields = { units = { x = "number", y = "number", z = "number" } } }
