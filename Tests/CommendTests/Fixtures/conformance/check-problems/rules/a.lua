award "x" { name = "X", subject = "member", colour = "red",
  criteria = { { id = "c1", text = "t" } } }
award "y" { name = "Y", subject = "member", phases = { "dot9" },
  criteria = { { id = "c", text = "t", check = function(m) return m.ratin == "a" end } },
  quota = { share = 0.1, base = "nope" } }
award "x" { name = "X2", subject = "member", criteria = {} }
scoring "s" { name = "S", items = { { id = "i1", text = "t", points = function() return 1 end } },
  tiebreak = { "zz" } }
