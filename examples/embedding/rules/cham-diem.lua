scoring "cham-diem" {
  name = "Chấm điểm công đoàn cơ sở", subject = "unit", group = "cluster",
  items = {
    { id = "ket_nap", text = "Kết nạp đoàn viên", max = 30, points = function(u) return 5 * u.new_members end },
    { id = "doan_phi", text = "Thu đoàn phí", max = 20, points = function(u) return 20 * u.fee_rate end },
  },
}
