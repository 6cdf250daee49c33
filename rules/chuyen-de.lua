-- Khen thưởng chuyên đề và gắn biển công trình: sơ kết đợt 1 (giữa năm).
--   gk-doan-ket-sang-tao  Giấy khen "Đoàn kết sáng tạo" (cá nhân, tối đa 2/đơn vị)
--   bk-gioi-viec-nuoc     Bằng khen chuyên đề "Giỏi việc nước, đảm việc nhà" (tối đa 4/tỉnh)
--   gk-xanh-sach-dep      Giấy khen chuyên đề "Xanh - Sạch - Đẹp, ATVSLĐ" (20%/công đoàn cấp trên)
--   bk-xanh-sach-dep      Bằng khen chuyên đề "Xanh - Sạch - Đẹp, ATVSLĐ" (tối đa 4/tỉnh)
--   gan-bien-cong-trinh   Gắn biển công trình chào mừng các ngày lễ lớn (cả hai đợt):
--                         đợt 1 chào mừng 3/2, 30/4, 19/5 và cuộc bầu cử; đợt 2
--                         chào mừng 28/7, 19/8, 2/9
-- Bằng khen chuyên đề của Tổng Liên đoàn: mỗi tỉnh đề nghị không quá 4 cho
-- mỗi chuyên đề (Quyết định 1689/QĐ-TLĐ, Điều 15): một nhóm toàn tỉnh.

local xl = require "lib.xeploai"
local sk = require "lib.sangkien"
local tyle = require "lib.tyle"
local pt = require "lib.phongtrao"

local khong_ky_luat = xl.khong_ky_luat

-- Cá nhân -----------------------------------------------------------------

award "gk-doan-ket-sang-tao" {
  name = "Giấy khen chuyên đề \"Đoàn kết sáng tạo\"",
  subject = "member",
  movement = "doan-ket-sang-tao",
  phases = { "dot1" },
  -- chỉ xét người có sáng kiến được công nhận trong đợt
  applies = function(m) return (m.initiatives or 0) > 0 end,
  criteria = {
    { id = "xep_loai", text = "Hoàn thành tốt nhiệm vụ trở lên trong 6 tháng đầu năm",
      check = function(m) return xl.tu(m.rating, "tot"), xl.nhan(m.rating) end },
    { id = "khong_ky_luat", text = "Không bị kỷ luật", check = khong_ky_luat },
  },
  quota = {
    max = 2,            -- mỗi công đoàn cơ sở không quá 2 người
    within = "unit",
    order = function(m, ctx) local n, scope = sk.nam(m) return sk.diem(n, scope) end,
  },
}

award "bk-gioi-viec-nuoc" {
  name = "Bằng khen chuyên đề \"Giỏi việc nước, đảm việc nhà\" (đề nghị Tổng Liên đoàn)",
  subject = "member",
  movement = "gioi-viec-nuoc",
  phases = { "dot1" },
  -- nữ đoàn viên đã đạt "Giỏi việc nước, đảm việc nhà" năm trước
  applies = function(m, ctx)
    return m.gender == "nu" and ctx.streak(m.id, "gioi-viec-nuoc") > 0
  end,
  criteria = {
    { id = "ba_nam", text = "Ba năm liên tục đạt danh hiệu \"Giỏi việc nước, đảm việc nhà\"",
      check = function(m, ctx)
        local s = ctx.streak(m.id, "gioi-viec-nuoc")
        return s >= 3, string.format("đạt %d năm liên tục đến %d", s, ctx.plan.year - 1)
      end },
    { id = "xuat_sac", text = "Hoàn thành xuất sắc nhiệm vụ (sơ kết 6 tháng)",
      check = function(m) return xl.tu(m.rating, "xuat_sac"), xl.nhan(m.rating) end },
    { id = "gia_dinh", text = "Gia đình đạt danh hiệu \"Gia đình văn hóa\"",
      check = function(m)
        if m.culture_family then return true end
        return false, "gia đình chưa đạt \"Gia đình văn hóa\""
      end },
    { id = "khong_ky_luat", text = "Không bị kỷ luật", check = khong_ky_luat },
  },
  quota = {
    max = 4,            -- toàn tỉnh không quá 4 (một nhóm)
    order = function(m, ctx)
      return ctx.streak(m.id, "gioi-viec-nuoc") * 10 + (m.initiatives or 0)
    end,
  },
}

-- Tập thể: Xanh - Sạch - Đẹp, ATVSLĐ ----------------------------------------

local function la_cdcs(u) return u.kind == "cdcs" end

award "gk-xanh-sach-dep" {
  name = "Giấy khen chuyên đề \"Xanh - Sạch - Đẹp, Bảo đảm an toàn vệ sinh lao động\"",
  subject = "unit",
  movement = "xanh-sach-dep",
  phases = { "dot1" },
  applies = la_cdcs,
  criteria = {
    { id = "diem", text = "Điểm tự chấm \"Xanh - Sạch - Đẹp\" từ 80 trở lên",
      check = function(u)
        if u.green_score == nil then return false, "chưa tự chấm điểm" end
        return u.green_score >= 80, tyle.so(u.green_score) .. " điểm"
      end },
    { id = "khong_tai_nan", text = "Không để xảy ra tai nạn lao động",
      check = function(u)
        local n = u.accidents or 0
        if n == 0 then return true end
        return false, string.format("%d vụ tai nạn lao động", n)
      end },
    { id = "mang_luoi", text = "Mạng lưới an toàn vệ sinh viên hoạt động hiệu quả",
      check = function(u)
        if u.osh_network then return true end
        return false, "chưa có mạng lưới an toàn vệ sinh viên"
      end },
  },
  quota = {
    share = 0.2,        -- không quá 20% số CĐCS đủ điều kiện của mỗi công đoàn cấp trên,
    max = 5,            -- tối đa 5, làm tròn lên
    rounding = "ceil",
    within = "parent",
    order = function(u) return u.green_score end,
  },
}

award "bk-xanh-sach-dep" {
  name = "Bằng khen chuyên đề \"Xanh - Sạch - Đẹp, Bảo đảm an toàn vệ sinh lao động\" (đề nghị Tổng Liên đoàn)",
  subject = "unit",
  movement = "xanh-sach-dep",
  phases = { "dot1" },
  applies = la_cdcs,
  criteria = {
    { id = "du_dieu_kien_gk", text = "Đủ tiêu chuẩn Giấy khen chuyên đề \"Xanh - Sạch - Đẹp, ATVSLĐ\"",
      check = function(u, ctx)
        if ctx.eligible("gk-xanh-sach-dep", u.id) then return true end
        return false, "chưa đủ tiêu chuẩn Giấy khen chuyên đề"
      end },
    { id = "diem_cao", text = "Điểm tự chấm \"Xanh - Sạch - Đẹp\" từ 90 trở lên",
      check = function(u)
        if u.green_score == nil then return false, "chưa tự chấm điểm" end
        return u.green_score >= 90, tyle.so(u.green_score) .. " điểm"
      end },
  },
  quota = {
    max = 4,            -- toàn tỉnh không quá 4
    order = function(u) return u.green_score end,
  },
}

-- Gắn biển công trình chào mừng các ngày lễ lớn năm 2021 -----------------------

award "gan-bien-cong-trinh" {
  name = "Gắn biển công trình chào mừng các ngày lễ lớn",
  subject = "unit",
  movement = "lao-dong-gioi",
  phases = { "dot1", "dot2" },
  -- chỉ xét đơn vị có công trình đăng ký trong đợt
  applies = function(u) return u.work ~= nil end,
  criteria = {
    { id = "hoan_thanh", text = "Hoàn thành trong đợt thi đua",
      check = function(u, ctx)
        local d = u.work_finished
        if d == nil then return false, "chưa hoàn thành" end
        return d >= ctx.phase.from and d <= ctx.phase.to, "hoàn thành " .. tyle.ngay(d)
      end },
    { id = "nghiem_thu", text = "Đã nghiệm thu, đưa vào sử dụng",
      check = function(u)
        if u.work_accepted then return true end
        return false, "chưa nghiệm thu"
      end },
    { id = "gia_tri", text = "Giá trị từ 300 triệu đồng (doanh nghiệp: từ 1 tỷ đồng)",
      check = function(u)
        local can = u.sector == "doanh_nghiep" and 1000 or 300
        local v = u.work_value or 0
        return v >= can, u.work .. ", giá trị " .. tyle.so(v) .. " triệu đồng"
      end },
    { id = "ngay_le", text = "Chào mừng một ngày lễ lớn, sự kiện chính trị của đợt thi đua",
      check = function(u, ctx)
        local le = pt.NGAY_LE[u.work_occasion]
        if le == nil then return false, "chưa đăng ký chào mừng ngày lễ nào" end
        local ten = "chào mừng " .. le.ten .. " (" .. tyle.ngay(le.ngay) .. ")"
        if le.dot ~= ctx.phase.id then return false, ten .. ": không thuộc đợt này" end
        return true, ten
      end },
  },
}
