-- lib/phongtrao.lua: the movements (phong trào, cuộc vận động) of the 2021
-- plan and the anniversaries (ngày lễ lớn) each phase greets, as the plan
-- (Kế hoạch phát động phong trào thi đua năm 2021) names them.
--   local pt = require "lib.phongtrao"
--   pt.TEN["gioi-viec-nuoc"]   --> "Giỏi việc nước, đảm việc nhà"
--   pt.NGAY_LE["30-4"].dot     --> "dot1"
local M = {}

-- id, name; plan.lua declares them in this order
M.DANH_SACH = {
  { id = "lao-dong-gioi", name = "Lao động giỏi, Lao động sáng tạo" },
  { id = "gioi-viec-nuoc", name = "Giỏi việc nước, đảm việc nhà" },
  { id = "xanh-sach-dep", name = "Xanh - Sạch - Đẹp, Bảo đảm an toàn vệ sinh lao động" },
  { id = "doi-moi-cong-doan", name = "Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức Công đoàn" },
  { id = "tham-muu-gioi", name = "Tham mưu giỏi, phục vụ tốt" },
  { id = "noi-khong-tieu-cuc",
    name = "Cuộc vận động \"Cán bộ, công chức, viên chức Bắc Kạn nói không với tiêu cực\"" },
  { id = "chu-de-can-bo-co-so",
    name = "Chủ đề năm 2021 \"Nâng cao chất lượng đội ngũ cán bộ Công đoàn cơ sở\"" },
  { id = "nong-thon-moi", name = "Bắc Kạn chung sức xây dựng nông thôn mới" },
  { id = "vi-nguoi-ngheo", name = "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau" },
  { id = "doanh-nghiep-hoi-nhap", name = "Doanh nghiệp Việt Nam hội nhập và phát triển" },
  { id = "van-hoa-cong-so", name = "Cán bộ, công chức, viên chức thi đua thực hiện văn hoá công sở" },
  { id = "doan-ket-sang-tao",
    name = "Đoàn kết sáng tạo, nâng cao năng suất, chất lượng, hiệu quả, hội nhập quốc tế" },
}

M.TEN = {}
M.MA = {}
for i, p in ipairs(M.DANH_SACH) do
  M.TEN[p.id] = p.name
  M.MA[i] = p.id
end

-- the anniversaries and events each phase greets (enum "work_occasion")
M.NGAY_LE = {
  ["3-2"] = { dot = "dot1", ngay = "2021-02-03", ten = "91 năm Ngày thành lập Đảng Cộng sản Việt Nam" },
  ["30-4"] = { dot = "dot1", ngay = "2021-04-30", ten = "46 năm Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước" },
  ["19-5"] = { dot = "dot1", ngay = "2021-05-19", ten = "131 năm Ngày sinh Chủ tịch Hồ Chí Minh" },
  ["bau-cu"] = { dot = "dot1", ngay = "2021-05-23",
                 ten = "cuộc bầu cử đại biểu Quốc hội và HĐND các cấp nhiệm kỳ 2021 - 2026" },
  ["28-7"] = { dot = "dot2", ngay = "2021-07-28", ten = "92 năm Ngày thành lập Công đoàn Việt Nam" },
  ["19-8"] = { dot = "dot2", ngay = "2021-08-19", ten = "76 năm Ngày Cách mạng Tháng Tám thành công" },
  ["2-9"] = { dot = "dot2", ngay = "2021-09-02", ten = "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam" },
}
M.MA_NGAY_LE = { "3-2", "30-4", "19-5", "bau-cu", "28-7", "19-8", "2-9" }

return M
