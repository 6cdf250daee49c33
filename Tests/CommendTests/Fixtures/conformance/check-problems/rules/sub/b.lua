plan { id = "q", name = "Q", year = 2022, phases = { { id = "dot1", name = "a", from = "2022-01-01", to = "2022-06-30" } } }
