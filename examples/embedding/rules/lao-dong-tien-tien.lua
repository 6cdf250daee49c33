award "lao-dong-tien-tien" {
  name = "Lao động tiên tiến", subject = "member",
  criteria = {
    { id = "xep_loai", text = "Hoàn thành tốt nhiệm vụ trở lên",
      check = function(m) return m.rating == "xuat_sac" or m.rating == "tot" end },
    { id = "ky_luat", text = "Không bị kỷ luật", check = function(m) return not m.disciplined end },
  },
}
