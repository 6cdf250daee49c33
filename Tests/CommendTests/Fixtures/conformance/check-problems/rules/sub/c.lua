award "z" { name = "Z", subject = "member"
  criteria = {} }
