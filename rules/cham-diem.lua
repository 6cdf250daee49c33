-- Bảng chấm điểm thi đua năm 2021 (đợt 2, tổng kết năm), thang 100 điểm,
-- xếp hạng trong từng cụm, khối thi đua:
--   xep-loai-cdcs   Xếp loại công đoàn cơ sở (4 nhóm tiêu chí, cộng, trừ điểm)
--   cham-diem-khoi  Chấm điểm LĐLĐ huyện, thành phố và công đoàn ngành
-- Xếp loại: từ 90 "Hoàn thành xuất sắc nhiệm vụ", từ 70 "Hoàn thành tốt
-- nhiệm vụ", từ 50 "Hoàn thành nhiệm vụ", dưới 50 "Không hoàn thành nhiệm vụ".

local xl = require "lib.xeploai"
local sk = require "lib.sangkien"
local tyle = require "lib.tyle"
local donvi = require "lib.donvi"

local function co(b) return b and "có" or "không" end

-- points are kept to two decimals, as on the paper tables
local function diem(x) return tyle.lam_tron(x, 2) end

-- "kết nạp 12/10 chỉ tiêu" / "không giao chỉ tiêu kết nạp"
local function ket_nap(u)
  if u.member_target == nil or u.member_target <= 0 then
    return string.format("kết nạp %d (không giao chỉ tiêu)", u.new_members or 0)
  end
  return string.format("kết nạp %d/%d chỉ tiêu", u.new_members or 0, u.member_target)
end

-- points for reaching `target` of a plan, proportional, not capped here
-- (the item's max caps it, and the explanation shows the clamping)
local function theo_chi_tieu(diem, dat, chi_tieu)
  if chi_tieu == nil or chi_tieu <= 0 then return diem end
  return diem * dat / chi_tieu
end

scoring "xep-loai-cdcs" {
  name = "Xếp loại công đoàn cơ sở năm 2021",
  subject = "unit",
  movement = "doi-moi-cong-doan",
  phases = { "dot2" },
  -- công đoàn cơ sở thành lập trước đợt tổng kết (mới thành lập thì chưa xếp loại)
  applies = function(u, ctx)
    return u.kind == "cdcs" and (u.founded == nil or u.founded < ctx.phase.from)
  end,
  group = "cluster",
  items = {
    { id = "dai_dien", text = "I. Đại diện, chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên",
      max = 30,
      points = function(u)
        local care = u.care_rate or 0
        local p = (u.dialogue and 10 or 0) + (u.agreement and 10 or 0) + 10 * care
        return diem(p), string.format("hội nghị CBCCVC/NLĐ: %s; thỏa ước, quy chế: %s; thăm hỏi %s đoàn viên khó khăn",
          co(u.dialogue), co(u.agreement), tyle.pct(care))
      end },
    { id = "phong_trao", text = "II. Tổ chức các phong trào thi đua",
      max = 25,
      points = function(u, ctx)
        local ldtt, sang_kien = 0, 0
        local d = donvi.duyet(ctx, u.id, function(m)
          if ctx.awarded("lao-dong-tien-tien", m.id) then ldtt = ldtt + 1 end
          if (sk.nam(m)) > 0 then sang_kien = sang_kien + 1 end
        end)
        -- "Xanh - Sạch - Đẹp" được chấm ở đợt 1: đọc lại kết quả đợt 1
        local xsd = ctx.facts(u.id, "dot1")
        local green = xsd and xsd.green_score
        -- 5 đăng ký thi đua; LĐTT: 0 điểm khi dưới 50%, đủ 10 khi từ 90%;
        -- sáng kiến: đủ 6 khi từ 25% đoàn viên có sáng kiến;
        -- Xanh - Sạch - Đẹp: 4 khi từ 80 điểm, 2 khi từ 60 điểm
        local p = (u.registered and 5 or 0)
          + tyle.kep(10 * (tyle.ratio(ldtt, d) - 0.5) / 0.4, 0, 10)
          + math.min(6, 6 * tyle.ratio(sang_kien, d) / 0.25)
          + (green == nil and 0 or green >= 80 and 4 or green >= 60 and 2 or 0)
        return diem(p), string.format("đăng ký thi đua: %s; LĐTT %s; có sáng kiến %s; Xanh - Sạch - Đẹp đợt 1: %s",
          co(u.registered), tyle.phan(ldtt, d), tyle.phan(sang_kien, d),
          green == nil and "chưa chấm" or (tyle.so(green) .. " điểm"))
      end },
    { id = "to_chuc", text = "III. Phát triển đoàn viên, xây dựng công đoàn cơ sở vững mạnh",
      max = 25,
      points = function(u, ctx)
        local dv = #ctx.members_of(u.id)
        local phu = tyle.ratio(dv, u.workers or dv)
        -- 10 khi đạt chỉ tiêu kết nạp (vượt thì vẫn tối đa 25 cả nhóm);
        -- 10 khi 90% người lao động là đoàn viên; 5 tập huấn cán bộ
        local p = theo_chi_tieu(10, u.new_members or 0, u.member_target)
          + math.min(10, 10 * phu / 0.9) + (u.trained and 5 or 0)
        return diem(p), string.format("%s; %s người lao động là đoàn viên; tập huấn: %s",
          ket_nap(u), tyle.pct(phu), co(u.trained))
      end },
    { id = "kiem_tra_tai_chinh", text = "IV. Kiểm tra, giám sát và tài chính công đoàn",
      max = 20,
      points = function(u)
        local fee = u.fee_rate or 0
        local p = 10 * fee + (u.report_on_time and 5 or 0) + (u.inspected and 5 or 0)
        return diem(p), string.format("thu nộp kinh phí %s; quyết toán đúng hạn: %s; kiểm tra: %s",
          tyle.pct(fee), co(u.report_on_time), co(u.inspected))
      end },
  },
  -- điểm thưởng: khen thưởng của cấp trên (2 điểm/lần), công trình gắn biển (2)
  bonus = { max = 5,
    points = function(u, ctx)
      local p = 2 * (u.commended or 0) + (ctx.awarded("gan-bien-cong-trinh", u.id) and 2 or 0)
      return p, string.format("%d khen thưởng cấp trên", u.commended or 0)
    end },
  -- điểm trừ: báo cáo chậm (2/lần), sai phạm (5/vụ)
  penalty = {
    points = function(u)
      local p = 2 * (u.late_reports or 0) + 5 * (u.violations or 0)
      return p, string.format("%d báo cáo chậm, %d sai phạm", u.late_reports or 0, u.violations or 0)
    end },
  tiebreak = { "phong_trao", "dai_dien", "to_chuc", "kiem_tra_tai_chinh" },
  grades = xl.GRADES,
}

-- LĐLĐ huyện, thành phố và công đoàn ngành: chấm theo kết quả của các CĐCS
-- trực thuộc (ctx.children) và số liệu của đơn vị
scoring "cham-diem-khoi" {
  name = "Chấm điểm thi đua LĐLĐ huyện, thành phố và công đoàn ngành năm 2021",
  subject = "unit",
  movement = "doi-moi-cong-doan",
  phases = { "dot2" },
  applies = function(u) return u.kind == "huyen" or u.kind == "nganh" end,
  group = "cluster",
  items = {
    { id = "chat_luong_cdcs", text = "1. Chất lượng công đoàn cơ sở trực thuộc (xếp loại tốt trở lên)",
      max = 30,
      points = function(u, ctx)
        local n, d = donvi.dem_con(ctx, u.id, function(c)
          local g = ctx.grade("xep-loai-cdcs", c.id)
          return g == xl.HTXS or g == xl.HTT
        end)
        return diem(30 * tyle.ratio(n, d) / 0.8), tyle.phan(n, d) .. " CĐCS hoàn thành tốt trở lên"
      end },
    { id = "thi_dua", text = "2. Phong trào thi đua (CĐCS đạt Tập thể lao động tiên tiến)",
      max = 20,
      points = function(u, ctx)
        local n, d = donvi.dem_con(ctx, u.id, function(c)
          return ctx.awarded("tt-lao-dong-tien-tien", c.id)
        end)
        return diem(20 * tyle.ratio(n, d) / 0.8), tyle.phan(n, d) .. " CĐCS đạt TTLĐTT"
      end },
    { id = "phat_trien", text = "3. Phát triển đoàn viên, thành lập công đoàn cơ sở",
      max = 20,
      points = function(u)
        return diem(theo_chi_tieu(20, u.new_members or 0, u.member_target)), ket_nap(u)
      end },
    { id = "tai_chinh", text = "4. Tài chính công đoàn",
      max = 30,
      points = function(u)
        local fee = u.fee_rate or 0
        return diem(20 * fee + (u.report_on_time and 10 or 0)),
          string.format("thu nộp kinh phí %s; quyết toán đúng hạn: %s", tyle.pct(fee), co(u.report_on_time))
      end },
  },
  bonus = { max = 5, points = function(u) return 2.5 * (u.commended or 0) end },
  penalty = { points = function(u) return 2 * (u.late_reports or 0) + 5 * (u.violations or 0) end },
  tiebreak = { "chat_luong_cdcs", "thi_dua", "phat_trien", "tai_chinh" },
  grades = xl.GRADES,
}
