-- Kế hoạch phát động phong trào thi đua trong đoàn viên, CNVCLĐ và các cấp
-- công đoàn năm 2021 của LĐLĐ tỉnh Bắc Kạn: năm phong trào, hai đợt.
-- The sample plan of Commend. Awards and scorings live in the other files:
--   ca-nhan.lua    individual annual titles (đợt 2)
--   chuyen-de.lua  thematic commendations and plaques (mostly đợt 1)
--   tap-the.lua    collective titles and the Cờ thi đua (đợt 2)
--   bieu-duong.lua Bằng khen of the standing committee after each phase,
--                  initiatives proposed to the provincial Fatherland Front
--   cham-diem.lua  scoring tables: xếp loại CĐCS, khối LĐLĐ huyện / CĐ ngành

local pt = require "lib.phongtrao"

local XEP_LOAI = { "xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh" }

plan {
  id = "bac-kan-2021",
  name = "Phong trào thi đua trong đoàn viên, CNVCLĐ và các cấp công đoàn tỉnh Bắc Kạn năm 2021",
  year = 2021,
  phases = {
    { id = "dot1", name = "Đợt 1: sơ kết 6 tháng đầu năm", from = "2021-01-01", to = "2021-06-30" },
    { id = "dot2", name = "Đợt 2: tổng kết năm", from = "2021-07-01", to = "2021-12-31" },
  },
  -- the plan's movements and campaigns, in lib/phongtrao.lua (their names
  -- are needed by the rules too)
  movements = pt.DANH_SACH,
  fields = {
    members = {
      -- members.csv (cả năm)
      gender = enum { "nam", "nu" },            -- giới tính
      born = "date",                            -- ngày sinh
      started = "date",                         -- ngày bắt đầu công tác tại đơn vị
      position = "string",                      -- chức danh, vị trí việc làm
      staff = "bool",                           -- cán bộ công đoàn chuyên trách
      culture_family = "bool",                  -- gia đình đạt danh hiệu "Gia đình văn hóa"
      -- phases/<đợt>/members.csv
      rating = enum(XEP_LOAI),                  -- xếp loại của cơ quan, đơn vị trong đợt
      -- initiatives, scope, benefit, discipline: from 1 January to the end of
      -- the phase (tính đến hết đợt): the đợt 2 row holds the whole year
      initiatives = "int",                      -- số sáng kiến được công nhận
      initiative_scope = enum { "co_so", "tinh", "toan_quoc" },  -- phạm vi ảnh hưởng cao nhất
      benefit = "number",                       -- tổng giá trị làm lợi của sáng kiến, triệu đồng
      research = "bool",                        -- đề tài khoa học được nghiệm thu (đợt 2)
      discipline = enum { "khien_trach", "canh_cao", "ha_bac", "cach_chuc", "buoc_thoi_viec" },
                                                -- hình thức kỷ luật nặng nhất
      participates = "bool",                    -- tham gia các phong trào thi đua (đợt 2)
      women_activities = "bool",                -- tham gia hoạt động nữ công (đợt 2)
      proposals = "int",                        -- đề xuất, tham mưu được chấp nhận (cán bộ CĐ, đợt 2)
      -- both phases: biểu dương, khen thưởng sau mỗi đợt
      proposed = enum(pt.MA),                   -- phong trào mà công đoàn cấp trên đề nghị biểu dương
      merit = "number",                         -- điểm thẩm định hồ sơ thành tích (0-100)
      dossier = "bool",                         -- hồ sơ sáng kiến đã gửi LĐLĐ tỉnh (trình UBMTTQ tỉnh, đợt 2)
    },
    units = {
      -- units.csv (id, name, kind, parent, cluster và:)
      sector = enum { "giao_duc", "y_te", "hanh_chinh", "doanh_nghiep" },  -- khối ngành của CĐCS
      district = enum { "tp-bac-kan", "ba-be", "bach-thong", "cho-don",
                        "cho-moi", "na-ri", "ngan-son", "pac-nam" },       -- địa bàn
      founded = "date",                         -- ngày thành lập công đoàn
      workers = "int",                          -- số CNVCLĐ của cơ quan, đơn vị
      -- phases/dot1/units.csv: Xanh - Sạch - Đẹp, ATVSLĐ (chấm giữa năm; đợt 2
      -- đọc lại qua ctx.facts(u.id, "dot1"))
      green_score = "number",                   -- điểm tự chấm "Xanh - Sạch - Đẹp" (0-100)
      accidents = "int",                        -- số vụ tai nạn lao động trong đợt
      osh_network = "bool",                     -- mạng lưới an toàn vệ sinh viên hoạt động
      -- both phases: công trình đăng ký gắn biển
      work = "string",                          -- tên công trình, phần việc
      work_value = "number",                    -- giá trị công trình, triệu đồng
      work_finished = "date",                   -- ngày hoàn thành
      work_accepted = "bool",                   -- đã nghiệm thu, đưa vào sử dụng
      work_occasion = enum(pt.MA_NGAY_LE),      -- ngày lễ lớn mà công trình chào mừng
      -- both phases: biểu dương, khen thưởng sau mỗi đợt
      proposed = enum(pt.MA),                   -- phong trào mà công đoàn cấp trên đề nghị biểu dương
      merit = "number",                         -- điểm thẩm định hồ sơ thành tích (0-100)
      -- phases/dot2/units.csv: tổng kết năm
      rating = enum(XEP_LOAI),                  -- xếp loại của cơ quan, đơn vị
      dialogue = "bool",                        -- tổ chức hội nghị CBCCVC / hội nghị NLĐ, đối thoại
      agreement = "bool",                       -- có thỏa ước lao động tập thể / quy chế phối hợp
      care_rate = "number",                     -- tỷ lệ đoàn viên khó khăn được thăm hỏi, hỗ trợ (0-1)
      registered = "bool",                      -- có đăng ký thi đua đầu năm
      new_members = "int",                      -- số đoàn viên kết nạp mới
      member_target = "int",                    -- chỉ tiêu kết nạp được giao
      trained = "bool",                         -- cán bộ công đoàn được tập huấn
      fee_rate = "number",                      -- tỷ lệ thu nộp kinh phí, đoàn phí (0-1)
      report_on_time = "bool",                  -- báo cáo quyết toán đúng hạn
      inspected = "bool",                       -- tổ chức kiểm tra, giám sát theo kế hoạch
      commended = "int",                        -- số khen thưởng của cấp trên trong năm
      late_reports = "int",                     -- số báo cáo chậm, thiếu
      violations = "int",                       -- số sai phạm tài chính, kỷ luật bị phát hiện
    },
  },
}
