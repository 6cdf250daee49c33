local U = { { id = "U1", name = "T", kind = "tinh" }, { id = "U2", name = "A", kind = "cdcs", parent = "U1", cluster = "C1", fee_rate = 1, plaques = 9, incidents = 0, new_members = 1 } }
test("passing one", function(t)
  local r = t.evaluate { phase = "dot1", units = U,
    members = { { id = "M1", name = "An", unit = "U2", rating = "tot", disciplined = false, gender = "nam", initiatives = 2 } } }
  t.ok(r.eligible("ldg", "M1"))
  t.ok(r.awarded("ldtt", "M1"))
  t.eq(r.failed("ldg", "M1"), {})
  t.eq(r.total("cdcs", "U2"), 27)
  t.eq(r.rank("cdcs", "U2"), 1)
  t.eq(r.grade("cdcs", "U2"), "Đạt")
  t.eq(r.rank("cdcs", "U1"), nil)
  t.eq({ a = { 1, 2 } }, { a = { 1, 2 } })
end)
test("failing one", function(t)
  local r = t.evaluate { phase = "dot1", units = U,
    members = { { id = "M1", name = "An", unit = "U2", rating = "khong_hoan_thanh", disciplined = true, gender = "nam", initiatives = 2 } } }
  t.eq(r.failed("ldg", "M1"), { "rating" })
  t.ok(false, "deliberate")
end)
test("awarded false", function(t)
  local r = t.evaluate { phase = "dot1", units = U,
    members = { { id = "M1", name = "An", unit = "U2", rating = "khong_hoan_thanh", disciplined = true, gender = "nam", initiatives = 2 } } }
  t.eq(r.failed("ldg", "M1"), { "rating", "clean" })
  t.eq(r.awarded("ldg", "M1"), false)
end)
