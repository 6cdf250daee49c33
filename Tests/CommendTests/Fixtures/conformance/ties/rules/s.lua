scoring "t" { name = "T",
  applies = function(u) return u.kind == "cdcs" end,
  items = {
    { id = "a", text = "A", max = 10, points = function(u) return u.x end },
    { id = "b", text = "B", max = 10, points = function(u) return u.y end },
    { id = "c", text = "C", max = 10, points = function(u) return u.z end },
  },
  tiebreak = { "b", "a" },
  grades = { { min = 15, label = "G1" }, { min = 0.3, label = "G2" } } }
