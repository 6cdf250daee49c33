-- lib/xeploai.lua: ratings (xếp loại), discipline (kỷ luật) and unit
-- grades, with their order and their Vietnamese labels.
--   local xl = require "lib.xeploai"
--   xl.tu(m.rating, "tot")            --> rating is "tốt" or better
--   xl.nhan(m.rating)                 --> "tốt"
--   xl.ky_luat_tu(m.discipline, "canh_cao")
local M = {}

-- member / unit ratings, as declared in plan.lua (enum "rating")
M.MUC = { khong_hoan_thanh = 1, hoan_thanh = 2, tot = 3, xuat_sac = 4 }
M.NHAN = {
  xuat_sac = "hoàn thành xuất sắc nhiệm vụ",
  tot = "hoàn thành tốt nhiệm vụ",
  hoan_thanh = "hoàn thành nhiệm vụ",
  khong_hoan_thanh = "không hoàn thành nhiệm vụ",
}
M.NGAN = { xuat_sac = "xuất sắc", tot = "tốt", hoan_thanh = "hoàn thành",
           khong_hoan_thanh = "không hoàn thành" }

-- rating r is at least `muc` (a key of M.MUC); nil rating never is
function M.tu(r, muc)
  return r ~= nil and M.MUC[r] >= M.MUC[muc]
end

-- "xếp loại: tốt" / "chưa xếp loại"
function M.nhan(r)
  if r == nil then return "chưa xếp loại" end
  return "xếp loại: " .. M.NGAN[r]
end

-- discipline (hình thức kỷ luật), lightest first (enum "discipline")
M.KY_LUAT = { khien_trach = 1, canh_cao = 2, ha_bac = 3, cach_chuc = 4, buoc_thoi_viec = 5 }
M.KY_LUAT_NHAN = { khien_trach = "khiển trách", canh_cao = "cảnh cáo", ha_bac = "hạ bậc lương",
                   cach_chuc = "cách chức", buoc_thoi_viec = "buộc thôi việc" }

-- discipline d is `muc` or heavier
function M.ky_luat_tu(d, muc)
  return d ~= nil and M.KY_LUAT[d] >= M.KY_LUAT[muc]
end

-- the grades of the scoring tables (cham-diem.lua)
M.HTXS = "Hoàn thành xuất sắc nhiệm vụ"
M.HTT = "Hoàn thành tốt nhiệm vụ"
M.HT = "Hoàn thành nhiệm vụ"
M.KHT = "Không hoàn thành nhiệm vụ"
M.GRADES = {
  { min = 90, label = M.HTXS },
  { min = 70, label = M.HTT },
  { min = 50, label = M.HT },
  { min = 0, label = M.KHT },
}

-- reach of an initiative (enum "initiative_scope")
M.PHAM_VI = { co_so = 1, tinh = 2, toan_quoc = 3 }
M.PHAM_VI_NHAN = { co_so = "cấp cơ sở", tinh = "cấp tỉnh", toan_quoc = "toàn quốc" }

function M.pham_vi_tu(s, muc)
  return s ~= nil and M.PHAM_VI[s] >= M.PHAM_VI[muc]
end

-- criterion: rated `muc` or better, with the rating as detail
-- (xep_loai_tu("tot") passes "tot" and "xuat_sac")
function M.xep_loai_tu(muc)
  return function(s)
    return M.tu(s.rating, muc), M.nhan(s.rating)
  end
end

-- criterion: no discipline of any kind, naming it when there is one
function M.khong_ky_luat(m)
  if m.discipline ~= nil then
    return false, "bị kỷ luật: " .. M.KY_LUAT_NHAN[m.discipline]
  end
  return true
end

return M
