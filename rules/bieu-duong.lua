-- Biểu dương, khen thưởng sau mỗi đợt (Kế hoạch, mục III):
--   bk-ldld-ca-nhan     Bằng khen của Ban Thường vụ LĐLĐ tỉnh: cá nhân tiêu biểu
--                       của từng phong trào (đợt 1 và đợt 2)
--   bk-ldld-tap-the     Bằng khen của Ban Thường vụ LĐLĐ tỉnh: tập thể tiêu biểu
--                       của từng phong trào (đợt 1 và đợt 2)
--   de-nghi-mttq        Sáng kiến đề nghị Ủy ban MTTQ Việt Nam tỉnh công nhận
--                       trong phong trào "Đoàn kết sáng tạo" (đợt 2): danh sách
--                       đề nghị, không giới hạn số lượng
-- The lower levels (LĐLĐ huyện, công đoàn ngành, CĐCS) choose their most
-- typical people and collectives and propose them for one movement: the
-- `proposed` column names it and `merit` holds the score of their dossier.
-- The province then keeps at most 5 people and 3 collectives per movement
-- (quota within = "proposed": one group per movement).

local xl = require "lib.xeploai"
local sk = require "lib.sangkien"
local tyle = require "lib.tyle"
local pt = require "lib.phongtrao"

local khong_ky_luat = xl.khong_ky_luat

local function de_nghi(s)
  return "đề nghị trong phong trào " .. pt.TEN[s.proposed]
end

-- "điểm thẩm định hồ sơ từ 80"
local function thanh_tich(s)
  if s.merit == nil then return false, "chưa có điểm thẩm định hồ sơ" end
  return s.merit >= 80, tyle.so(s.merit) .. " điểm thẩm định; " .. de_nghi(s)
end

-- what each movement asks of a person beyond the common criteria
local CA_NHAN = {
  ["lao-dong-gioi"] = function(m)
    local n, scope = sk.nam(m)
    return n > 0, sk.mo_ta(n, scope)
  end,
  ["doan-ket-sang-tao"] = function(m)
    local n, scope = sk.nam(m)
    return n > 0, sk.mo_ta(n, scope)
  end,
  ["gioi-viec-nuoc"] = function(m)
    if m.gender ~= "nu" then return false, "phong trào dành cho nữ đoàn viên" end
    if m.culture_family then return true, "gia đình văn hóa" end
    return false, "gia đình chưa đạt \"Gia đình văn hóa\""
  end,
  ["tham-muu-gioi"] = function(m)
    if m.staff then return true, "cán bộ công đoàn chuyên trách" end
    return false, "không phải cán bộ công đoàn chuyên trách"
  end,
}

award "bk-ldld-ca-nhan" {
  name = "Bằng khen của Ban Thường vụ LĐLĐ tỉnh (cá nhân tiêu biểu trong phong trào thi đua)",
  subject = "member",
  phases = { "dot1", "dot2" },
  -- chỉ xét người được công đoàn cấp trên đề nghị
  applies = function(m) return m.proposed ~= nil end,
  criteria = {
    { id = "xep_loai", text = "Hoàn thành xuất sắc nhiệm vụ trong đợt",
      check = xl.xep_loai_tu("xuat_sac") },
    { id = "khong_ky_luat", text = "Không bị kỷ luật", check = khong_ky_luat },
    { id = "thanh_tich", text = "Thành tích tiêu biểu: điểm thẩm định hồ sơ từ 80 trở lên",
      check = thanh_tich },
    { id = "phong_trao", text = "Đáp ứng yêu cầu riêng của phong trào được đề nghị",
      check = function(m)
        local rieng = CA_NHAN[m.proposed]
        if rieng == nil then return true, de_nghi(m) end
        return rieng(m)
      end },
  },
  quota = {
    max = 5,                -- mỗi phong trào không quá 5 cá nhân mỗi đợt
    within = "proposed",
    order = function(m) return m.merit or 0 end,
  },
}

-- what each movement asks of a collective
local TAP_THE = {
  ["xanh-sach-dep"] = function(u, ctx)
    local d1 = ctx.facts(u.id, "dot1")
    local g = d1 and d1.green_score
    if g == nil then return false, "chưa tự chấm điểm \"Xanh - Sạch - Đẹp\"" end
    return g >= 85, "\"Xanh - Sạch - Đẹp\" " .. tyle.so(g) .. " điểm"
  end,
  ["doanh-nghiep-hoi-nhap"] = function(u)
    if u.sector == "doanh_nghiep" then return true, "công đoàn doanh nghiệp" end
    return false, "không phải công đoàn doanh nghiệp"
  end,
}

award "bk-ldld-tap-the" {
  name = "Bằng khen của Ban Thường vụ LĐLĐ tỉnh (tập thể tiêu biểu trong phong trào thi đua)",
  subject = "unit",
  phases = { "dot1", "dot2" },
  applies = function(u) return u.kind == "cdcs" and u.proposed ~= nil end,
  criteria = {
    { id = "xep_loai", text = "Hoàn thành xuất sắc nhiệm vụ (tổng kết năm; đợt 1 chưa xếp loại tập thể)",
      check = function(u, ctx)
        if ctx.phase.id == "dot1" then return true, "sơ kết đợt 1" end
        return xl.tu(u.rating, "xuat_sac"), xl.nhan(u.rating)
      end },
    { id = "an_toan", text = "Không để xảy ra tai nạn lao động, sai phạm trong đợt",
      check = function(u)
        local n = (u.accidents or 0) + (u.violations or 0)
        if n == 0 then return true end
        return false, string.format("%d vụ tai nạn lao động, sai phạm", n)
      end },
    { id = "thanh_tich", text = "Thành tích tiêu biểu: điểm thẩm định hồ sơ từ 80 trở lên",
      check = thanh_tich },
    { id = "phong_trao", text = "Đáp ứng yêu cầu riêng của phong trào được đề nghị",
      check = function(u, ctx)
        local rieng = TAP_THE[u.proposed]
        if rieng == nil then return true, de_nghi(u) end
        return rieng(u, ctx)
      end },
  },
  quota = {
    max = 3,                -- mỗi phong trào không quá 3 tập thể mỗi đợt
    within = "proposed",
    order = function(u) return u.merit or 0 end,
  },
}

-- Sáng kiến đề nghị UBMTTQ tỉnh công nhận ("Đoàn kết sáng tạo" năm 2021) -------

award "de-nghi-mttq" {
  name = "Sáng kiến đề nghị Ủy ban MTTQ Việt Nam tỉnh công nhận (phong trào \"Đoàn kết sáng tạo\")",
  subject = "member",
  movement = "doan-ket-sang-tao",
  phases = { "dot2" },
  -- chỉ xét người có sáng kiến được công nhận trong năm
  applies = function(m) return (sk.nam(m)) > 0 end,
  criteria = {
    { id = "ho_so", text = "Công đoàn cơ sở đã lựa chọn, gửi hồ sơ sáng kiến về LĐLĐ tỉnh",
      check = function(m)
        if m.dossier then return true end
        return false, "chưa gửi hồ sơ"
      end },
    { id = "hieu_qua", text = "Phạm vi ảnh hưởng cấp tỉnh trở lên hoặc giá trị làm lợi từ 50 triệu đồng",
      check = function(m)
        local n, scope, b = sk.nam(m)
        local mo_ta = sk.mo_ta(n, scope) .. (b > 0 and ("; làm lợi " .. tyle.so(b) .. " triệu đồng") or "")
        return xl.pham_vi_tu(scope, "tinh") or b >= 50, mo_ta
      end },
    { id = "khong_ky_luat", text = "Không bị kỷ luật", check = khong_ky_luat },
  },
}
