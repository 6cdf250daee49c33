-- Danh hiệu cá nhân xét cuối năm (đợt 2): Lao động tiên tiến, Chiến sĩ thi
-- đua cơ sở, Chiến sĩ thi đua cấp tỉnh, Giỏi việc nước - đảm việc nhà,
-- Lao động sáng tạo, Tham mưu giỏi - phục vụ tốt.
-- Căn cứ: Luật Thi đua, Khen thưởng; Nghị định 91/2017/NĐ-CP; Quy chế khen
-- thưởng của tổ chức Công đoàn (Quyết định 1689/QĐ-TLĐ ngày 12/11/2019).
-- Every function here runs once per member: no ctx.members_of.

local xl = require "lib.xeploai"
local sk = require "lib.sangkien"
local tyle = require "lib.tyle"

-- shared criteria ----------------------------------------------------------

local khong_ky_luat = xl.khong_ky_luat

local xep_loai_tu = xl.xep_loai_tu

-- Lao động tiên tiến ---------------------------------------------------------

award "lao-dong-tien-tien" {
  name = "Lao động tiên tiến",
  subject = "member",
  movement = "lao-dong-gioi",
  phases = { "dot2" },
  criteria = {
    { id = "xep_loai", text = "Hoàn thành tốt nhiệm vụ trở lên",
      check = xep_loai_tu("tot") },
    { id = "khong_ky_luat", text = "Chấp hành tốt chủ trương, chính sách, pháp luật; không bị kỷ luật",
      check = khong_ky_luat },
    { id = "tham_gia", text = "Tích cực tham gia các phong trào thi đua",
      check = function(m)
        if m.participates then return true end
        return false, "không tham gia phong trào thi đua"
      end },
    { id = "thoi_gian", text = "Thời gian công tác trong năm từ 10 tháng trở lên",
      check = function(m, ctx)
        if m.started == nil then return true, "không rõ ngày bắt đầu công tác" end
        local han = string.format("%d-03-01", ctx.plan.year)
        return m.started <= han, "bắt đầu công tác " .. tyle.ngay(m.started)
      end },
  },
}

-- Chiến sĩ thi đua cơ sở: LĐTT + sáng kiến, không quá 15% số LĐTT của đơn vị -

award "cstd-co-so" {
  name = "Chiến sĩ thi đua cơ sở",
  subject = "member",
  movement = "lao-dong-gioi",
  phases = { "dot2" },
  criteria = {
    { id = "ldtt", text = "Đạt danh hiệu Lao động tiên tiến",
      check = function(m, ctx)
        if ctx.awarded("lao-dong-tien-tien", m.id) then return true end
        return false, "chưa đạt Lao động tiên tiến"
      end },
    { id = "sang_kien", text = "Có sáng kiến được công nhận hoặc đề tài khoa học được nghiệm thu",
      check = function(m, ctx)
        local n, scope = sk.nam(m)
        if n > 0 then return true, sk.mo_ta(n, scope) end
        if m.research then return true, "đề tài khoa học được nghiệm thu" end
        return false, "chưa có sáng kiến, đề tài"
      end },
  },
  -- không quá 15% số cá nhân đạt LĐTT của đơn vị, làm tròn (0,5 lên);
  -- ưu tiên nhiều sáng kiến, phạm vi rộng, xuất sắc, đã đạt nhiều năm liền
  quota = {
    share = 0.15,
    base = "lao-dong-tien-tien",
    within = "unit",
    rounding = "round",
    order = function(m, ctx)
      local n, scope = sk.nam(m)
      return sk.diem(n, scope) + (m.research and 5 or 0)
        + (m.rating == "xuat_sac" and 2 or 0) + ctx.streak(m.id, "cstd-co-so")
    end,
  },
}

-- Chiến sĩ thi đua cấp tỉnh: 3 lần liên tục CSTĐCS + sáng kiến cấp tỉnh -------

award "cstd-cap-tinh" {
  name = "Chiến sĩ thi đua cấp tỉnh",
  subject = "member",
  movement = "lao-dong-gioi",
  phases = { "dot2" },
  -- xét trong số cá nhân đạt Chiến sĩ thi đua cơ sở năm nay
  applies = function(m, ctx) return ctx.awarded("cstd-co-so", m.id) end,
  criteria = {
    { id = "ba_nam", text = "Ba lần liên tục đạt Chiến sĩ thi đua cơ sở (hai năm liền trước và năm nay)",
      check = function(m, ctx)
        local s = ctx.streak(m.id, "cstd-co-so")
        local y = ctx.plan.year
        if s >= 2 then
          return true, string.format("CSTĐCS liên tục %d-%d", y - s, y)
        end
        if s == 1 then return false, string.format("chỉ đạt CSTĐCS năm %d và năm nay", y - 1) end
        return false, string.format("không đạt CSTĐCS năm %d", y - 1)
      end },
    { id = "sang_kien_tinh", text = "Có sáng kiến, giải pháp có phạm vi ảnh hưởng trong tỉnh",
      check = function(m, ctx)
        local n, scope = sk.nam(m)
        return xl.pham_vi_tu(scope, "tinh"), sk.mo_ta(n, scope)
      end },
  },
}

-- Giỏi việc nước, đảm việc nhà (nữ đoàn viên) -------------------------------

award "gioi-viec-nuoc" {
  name = "Giỏi việc nước, đảm việc nhà",
  subject = "member",
  movement = "gioi-viec-nuoc",
  phases = { "dot2" },
  applies = function(m) return m.gender == "nu" end,
  criteria = {
    { id = "xep_loai", text = "Hoàn thành tốt nhiệm vụ trở lên",
      check = xep_loai_tu("tot") },
    { id = "gia_dinh", text = "Gia đình đạt danh hiệu \"Gia đình văn hóa\", nuôi dạy con tốt",
      check = function(m)
        if m.culture_family then return true end
        return false, "gia đình chưa đạt \"Gia đình văn hóa\""
      end },
    { id = "nu_cong", text = "Tích cực tham gia các hoạt động nữ công",
      check = function(m)
        if m.women_activities then return true end
        return false, "chưa tham gia hoạt động nữ công"
      end },
    { id = "khong_ky_luat", text = "Không bị kỷ luật", check = khong_ky_luat },
  },
  -- Ban nữ công xét chọn: không quá 30% số cá nhân đạt Lao động tiên tiến của
  -- đơn vị (làm tròn); ưu tiên hoàn thành xuất sắc, có sáng kiến, đã đạt nhiều năm
  quota = {
    share = 0.3,
    base = "lao-dong-tien-tien",
    within = "unit",
    rounding = "round",
    order = function(m, ctx)
      local n = sk.nam(m)
      return (m.rating == "xuat_sac" and 10 or 0) + 2 * n + ctx.streak(m.id, "gioi-viec-nuoc")
    end,
  },
}

-- Lao động sáng tạo: tỉnh đề nghị Tổng Liên đoàn, tối đa 5 người ----------------

award "lao-dong-sang-tao" {
  name = "Bằng Lao động sáng tạo (đề nghị Tổng Liên đoàn)",
  subject = "member",
  movement = "lao-dong-gioi",
  phases = { "dot2" },
  -- chỉ xét người có sáng kiến trong năm
  applies = function(m, ctx) return (sk.nam(m)) > 0 end,
  criteria = {
    { id = "pham_vi", text = "Sáng kiến, giải pháp được công nhận có phạm vi ảnh hưởng cấp tỉnh trở lên",
      check = function(m, ctx)
        local n, scope = sk.nam(m)
        return xl.pham_vi_tu(scope, "tinh"), sk.mo_ta(n, scope)
      end },
    { id = "lam_loi", text = "Giá trị làm lợi từ 100 triệu đồng trở lên",
      check = function(m, ctx)
        local _, _, b = sk.nam(m)
        if b == 0 then return false, "chưa xác định giá trị làm lợi" end
        return b >= 100, "làm lợi " .. tyle.so(b) .. " triệu đồng"
      end },
    { id = "khong_ky_luat", text = "Không bị kỷ luật", check = khong_ky_luat },
  },
  quota = {
    max = 5,   -- chỉ tiêu đề nghị của LĐLĐ tỉnh
    order = function(m, ctx) local _, _, b = sk.nam(m) return b end,
  },
}

-- Tham mưu giỏi, phục vụ tốt (cán bộ công đoàn chuyên trách) -------------------

award "tham-muu-gioi" {
  name = "Giấy khen \"Tham mưu giỏi, phục vụ tốt\"",
  subject = "member",
  movement = "tham-muu-gioi",
  phases = { "dot2" },
  applies = function(m) return m.staff == true end,
  criteria = {
    { id = "ldtt", text = "Đạt danh hiệu Lao động tiên tiến",
      check = function(m, ctx)
        if ctx.awarded("lao-dong-tien-tien", m.id) then return true end
        return false, "chưa đạt Lao động tiên tiến"
      end },
    { id = "xuat_sac", text = "Hoàn thành xuất sắc nhiệm vụ",
      check = xep_loai_tu("xuat_sac") },
    { id = "tham_muu", text = "Có từ 2 đề xuất, tham mưu được cấp có thẩm quyền chấp nhận",
      check = function(m)
        local n = m.proposals or 0
        return n >= 2, string.format("%d đề xuất được chấp nhận", n)
      end },
  },
  quota = {
    max = 1,          -- mỗi cơ quan công đoàn một người
    within = "unit",
    order = function(m) return m.proposals or 0 end,
  },
}
