#!/usr/bin/env python3
"""Generate the sample data set of Commend: the 2021 emulation plan of the
Trade-Union Federation of Bắc Kạn province (rules/ in this repository).

    python3 Scripts/generate-sample.py [--seed 2021] [--members 30000]
                                       [--out examples/bac-kan-2021]
                                       [--year 2021] [--no-history]

Writes, under --out:
    units.csv                 id,name,kind,parent,cluster,sector,district,founded,workers
    members.csv               id,name,unit,gender,born,started,position,staff,culture_family
    phases/dot1/units.csv     Xanh - Sạch - Đẹp facts and works (mid-year review),
                              proposals for the Bằng khen of the phase
    phases/dot1/members.csv   mid-year rating, initiatives, discipline, proposals
    phases/dot2/units.csv     annual facts of the units (rating, scoring table inputs)
    phases/dot2/members.csv   annual rating, initiatives, discipline, ...
                              (initiatives, benefit, discipline: year to date,
                              so the đợt 2 row holds the whole year)
    history.csv               subject,award,year for 2018-2020

The output depends only on --seed, --members and --year (same arguments, same
bytes). --year 2020 makes a data set dated for a 2020 plan (history 2017-2019),
with the year as its default seed: another year's members, same ids.
The columns added for the seed plan's later awards (proposed, merit,
dossier, work_occasion) come from random streams of their own, so the
columns before them are the same as before they were added.
Members are written while they are generated (streaming): memory stays at
the size of the unit list, so --members 1000000 runs in well under a minute.
Standard library only.
"""

import argparse
import bisect
import datetime
import math
import os
import random
import statistics
import sys
import time
import unicodedata

PLAN_YEAR = 2021
HISTORY_YEARS = (2018, 2019, 2020)
# --year Y: every date and history year written is moved by Y - 2021 years
# (the data are generated as for 2021, then dated for Y).
YEAR_SHIFT = 0


def nfc(s):
    return unicodedata.normalize("NFC", s)


def nfc_all(xs):
    return [nfc(x) for x in xs]


# ---------------------------------------------------------------------------
# Geography: Thành phố Bắc Kạn and seven districts, with their communes
# (phường / thị trấn / xã) as of 2021. Weights: share of the grassroots
# unions located there.

DISTRICTS = [
    # code, federation id, short name, full name, weight, area, communes
    ("tp-bac-kan", "H01", "Bắc Kạn", "thành phố Bắc Kạn", 20, 1,
     ["phường Đức Xuân", "phường Phùng Chí Kiên", "phường Nguyễn Thị Minh Khai",
      "phường Sông Cầu", "phường Xuất Hóa", "phường Huyền Tụng", "xã Dương Quang",
      "xã Nông Thượng"]),
    ("ba-be", "H02", "Ba Bể", "huyện Ba Bể", 13, 2,
     ["thị trấn Chợ Rã", "xã Bành Trạch", "xã Cao Thượng", "xã Chu Hương", "xã Địa Linh",
      "xã Đồng Phúc", "xã Hà Hiệu", "xã Hoàng Trĩ", "xã Khang Ninh", "xã Mỹ Phương",
      "xã Nam Mẫu", "xã Phúc Lộc", "xã Quảng Khê", "xã Thượng Giáo", "xã Yến Dương"]),
    ("bach-thong", "H03", "Bạch Thông", "huyện Bạch Thông", 11, 1,
     ["thị trấn Phủ Thông", "xã Cẩm Giàng", "xã Cao Sơn", "xã Đôn Phong", "xã Dương Phong",
      "xã Lục Bình", "xã Mỹ Thanh", "xã Nguyên Phúc", "xã Quân Hà", "xã Quang Thuận",
      "xã Sĩ Bình", "xã Tân Tú", "xã Vi Hương", "xã Vũ Muộn"]),
    ("cho-don", "H04", "Chợ Đồn", "huyện Chợ Đồn", 14, 3,
     ["thị trấn Bằng Lũng", "xã Bản Thi", "xã Bằng Lãng", "xã Bằng Phúc", "xã Bình Trung",
      "xã Đại Sảo", "xã Đồng Thắng", "xã Lương Bằng", "xã Nam Cường", "xã Nghĩa Tá",
      "xã Ngọc Phái", "xã Phương Viên", "xã Quảng Bạch", "xã Tân Lập", "xã Xuân Lạc",
      "xã Yên Mỹ", "xã Yên Phong", "xã Yên Thịnh", "xã Yên Thượng"]),
    ("cho-moi", "H05", "Chợ Mới", "huyện Chợ Mới", 12, 1,
     ["thị trấn Đồng Tâm", "xã Bình Văn", "xã Cao Kỳ", "xã Hòa Thành", "xã Mai Lạp",
      "xã Nông Hạ", "xã Quảng Chu", "xã Tân Sơn", "xã Thanh Mai", "xã Thanh Thịnh",
      "xã Thanh Vận", "xã Yên Cư", "xã Yên Hân"]),
    ("na-ri", "H06", "Na Rì", "huyện Na Rì", 14, 3,
     ["thị trấn Yến Lạc", "xã Côn Minh", "xã Cư Lễ", "xã Cường Lợi", "xã Dương Sơn",
      "xã Đổng Xá", "xã Kim Hỷ", "xã Kim Lư", "xã Lạng San", "xã Liêm Thủy",
      "xã Lương Thượng", "xã Quang Phong", "xã Sơn Thành", "xã Trần Phú", "xã Văn Lang",
      "xã Văn Minh", "xã Văn Vũ", "xã Xuân Dương"]),
    ("ngan-son", "H07", "Ngân Sơn", "huyện Ngân Sơn", 8, 2,
     ["thị trấn Nà Phặc", "xã Bằng Vân", "xã Cốc Đán", "xã Đức Vân", "xã Hiệp Lực",
      "xã Thuần Mang", "xã Thượng Ân", "xã Thượng Quan", "xã Trung Hòa", "xã Vân Tùng"]),
    ("pac-nam", "H08", "Pác Nặm", "huyện Pác Nặm", 8, 2,
     ["xã Bằng Thành", "xã Bộc Bố", "xã Cao Tân", "xã Cổ Linh", "xã Công Bằng",
      "xã Giáo Hiệu", "xã Nghiên Loan", "xã Nhạn Môn", "xã An Thắng", "xã Xuân La"]),
]
DISTRICTS = [(c, h, nfc(s), nfc(f), w, a, nfc_all(cs)) for c, h, s, f, w, a, cs in DISTRICTS]
DISTRICT_BY_CODE = {d[0]: d for d in DISTRICTS}

SECTOR_UNIONS = [
    # id, name, sector of its grassroots unions
    ("N01", "Công đoàn ngành Giáo dục tỉnh Bắc Kạn", "giao_duc"),
    ("N02", "Công đoàn ngành Y tế tỉnh Bắc Kạn", "y_te"),
    ("N03", "Công đoàn Viên chức tỉnh Bắc Kạn", "hanh_chinh"),
]
SECTOR_UNIONS = [(i, nfc(n), s) for i, n, s in SECTOR_UNIONS]

TT_PREFIX = nfc("thị trấn ")
THI = nfc("Thị")

PROVINCE_ID = "LDLD"
PROVINCE_NAME = nfc("Liên đoàn Lao động tỉnh Bắc Kạn")

# Emulation clusters (cụm, khối thi đua). Areas: 1 = TP Bắc Kạn, Bạch Thông,
# Chợ Mới; 2 = Ba Bể, Ngân Sơn, Pác Nặm; 3 = Chợ Đồn, Na Rì.
CLUSTERS = {
    "MN-KV1": "Cụm thi đua mầm non khu vực 1 (TP Bắc Kạn, Bạch Thông, Chợ Mới)",
    "MN-KV2": "Cụm thi đua mầm non khu vực 2 (Ba Bể, Ngân Sơn, Pác Nặm)",
    "MN-KV3": "Cụm thi đua mầm non khu vực 3 (Chợ Đồn, Na Rì)",
    "PT-KV1": "Cụm thi đua tiểu học, THCS khu vực 1",
    "PT-KV2": "Cụm thi đua tiểu học, THCS khu vực 2",
    "PT-KV3": "Cụm thi đua tiểu học, THCS khu vực 3",
    "THPT": "Khối các trường THPT, PTDTNT, GDNN-GDTX (Công đoàn ngành Giáo dục)",
    "YTE": "Khối y tế (Công đoàn ngành Y tế)",
    "VCT": "Khối cơ quan sở, ban, ngành tỉnh (Công đoàn Viên chức tỉnh)",
    "HC-KV1": "Cụm cơ quan huyện, xã khu vực 1",
    "HC-KV2": "Cụm cơ quan huyện, xã khu vực 2",
    "HC-KV3": "Cụm cơ quan huyện, xã khu vực 3",
    "DN": "Khối doanh nghiệp",
    "KHOI-HUYEN": "Khối LĐLĐ huyện, thành phố",
    "KHOI-NGANH": "Khối công đoàn ngành",
}

# ---------------------------------------------------------------------------
CLUSTER_MAX, CLUSTER_SPLIT = 60, 40

# Kinds of grassroots unions (CĐCS): weight, mean size (members), sector,
# share of women, parent ("huyen" = the federation of its district, or a
# sector union id), cluster prefix, name templates.

MN_NAMES = ["Trường Mầm non {x}"]
PT_NAMES = ["Trường Tiểu học {x}", "Trường THCS {x}", "Trường PTDTBT THCS {x}",
            "Trường Tiểu học và THCS {x}", "Trường PTDTBT Tiểu học {x}"]
THPT_NAMES = ["Trường THPT {d}", "Trường PTDT Nội trú THCS {d}", "Trung tâm GDNN - GDTX {d}",
              "Trường THPT {x}"]
THPT_FIXED = ["Trường THPT Chuyên Bắc Kạn", "Trường PTDT Nội trú tỉnh Bắc Kạn",
              "Cơ quan Sở Giáo dục và Đào tạo", "Trường Cao đẳng Bắc Kạn"]
YT_FIXED = ["Bệnh viện Đa khoa tỉnh Bắc Kạn", "Bệnh viện Y dược cổ truyền tỉnh Bắc Kạn",
            "Trung tâm Kiểm soát bệnh tật tỉnh Bắc Kạn", "Cơ quan Sở Y tế",
            "Trung tâm Giám định y khoa - Pháp y tỉnh", "Bệnh viện Đa khoa huyện Chợ Mới"]
YT_NAMES = ["Trung tâm Y tế {d}", "Phòng khám đa khoa khu vực {x}", "Trạm Y tế {x}"]
XA_NAMES = ["Công đoàn cơ sở {x}"]           # cán bộ, công chức xã, phường, thị trấn
HUYENOFF_NAMES = ["Cơ quan UBND {d}", "Cơ quan Huyện ủy {d}", "Phòng Giáo dục và Đào tạo {d}",
                  "Trung tâm Văn hóa, Thể thao và Truyền thông {d}",
                  "Ban Quản lý dự án đầu tư xây dựng {d}", "Hạt Kiểm lâm {d}",
                  "Trung tâm Dịch vụ nông nghiệp {d}", "Khối Mặt trận và các đoàn thể {d}"]
SO_FIXED = ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng",
            "Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Tài nguyên và Môi trường", "Sở Lao động - Thương binh và Xã hội",
            "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ",
            "Sở Thông tin và Truyền thông", "Sở Công Thương", "Văn phòng UBND tỉnh",
            "Văn phòng Tỉnh ủy", "Ban Dân tộc tỉnh", "Thanh tra tỉnh",
            "Đài Phát thanh - Truyền hình tỉnh", "Báo Bắc Kạn",
            "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Ban Quản lý Vườn quốc gia Ba Bể",
            "Trung tâm Khuyến nông tỉnh", "Quỹ Đầu tư phát triển tỉnh", "Hội Nông dân tỉnh"]
SO_NAMES = SO_FIXED + [
    "Chi cục Kiểm lâm tỉnh", "Chi cục Thủy lợi", "Chi cục Trồng trọt và Bảo vệ thực vật",
    "Chi cục Chăn nuôi và Thú y", "Trung tâm Công nghệ thông tin và Truyền thông",
    "Trung tâm Phát triển quỹ đất", "Trung tâm Dịch vụ việc làm", "Trung tâm Trợ giúp pháp lý",
    "Trung tâm Xúc tiến đầu tư", "Ban Quản lý dự án đầu tư xây dựng tỉnh",
    "Trung tâm Văn hóa Nghệ thuật tỉnh", "Thư viện tỉnh", "Bảo tàng tỉnh",
    "Trung tâm Quan trắc tài nguyên và môi trường", "Văn phòng Đăng ký đất đai",
    "Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng", "Trung tâm Bảo trợ xã hội",
    "Trung tâm Huấn luyện và thi đấu thể dục thể thao"]
DN_FORMS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Hợp tác xã"]
DN_TRADES = ["Lâm nghiệp", "Xây dựng", "Vận tải", "Khoáng sản", "Chế biến gỗ", "Nông sản",
             "Thương mại", "Dịch vụ du lịch", "Cấp thoát nước", "Vật liệu xây dựng",
             "Chè", "Dược liệu", "May mặc", "Môi trường đô thị", "Cơ khí", "Thủy điện"]
DN_BRANDS = ["Bắc Kạn", "Hoàng Anh", "Minh Phát", "Tân Thành", "Thành Công", "Việt Bắc",
             "Hà Linh", "Phúc Thịnh", "An Khang", "Kim Ngân", "Hưng Phát", "Quang Minh",
             "Trường Sơn", "Đại Phát", "Hòa Bình", "Nam Anh", "Thiên Ân", "Bảo Long"]
DN_FIXED = ["Công ty TNHH MTV Quản lý và Khai thác công trình thủy lợi Bắc Kạn",
            "Công ty Cổ phần Cấp thoát nước Bắc Kạn", "Công ty Cổ phần Khoáng sản Bắc Kạn",
            "Công ty TNHH MTV Lâm nghiệp Bắc Kạn", "Công ty Cổ phần Xây dựng giao thông Bắc Kạn"]

#        key        weight mean  sector        women  parent   cluster
KINDS = [("mn",       0.15,  22, "giao_duc",    0.97, "huyen", "MN"),
         ("pt",       0.30,  32, "giao_duc",    0.74, "huyen", "PT"),
         ("thpt",     0.04,  55, "giao_duc",    0.64, "N01",   "THPT"),
         ("yt",       0.08, 150, "y_te",        0.68, "N02",   "YTE"),
         ("xa",       0.17,  22, "hanh_chinh",  0.42, "huyen", "HC"),
         ("huyenoff", 0.07,  30, "hanh_chinh",  0.50, "huyen", "HC"),
         ("so",       0.08,  45, "hanh_chinh",  0.50, "N03",   "VCT"),
         ("dn",       0.11, 120, "doanh_nghiep", 0.45, "huyen", "DN")]
KIND_INDEX = {k[0]: i for i, k in enumerate(KINDS)}

POSITIONS = {
    "mn": [("Giáo viên mầm non", 85), ("Nhân viên nuôi dưỡng", 8), ("Kế toán", 3), ("Nhân viên văn thư", 2), ("Phó Hiệu trưởng", 2)],
    "pt": [("Giáo viên", 84), ("Nhân viên thư viện", 3), ("Kế toán", 3), ("Nhân viên thiết bị", 3), ("Nhân viên y tế học đường", 2), ("Phó Hiệu trưởng", 3), ("Tổng phụ trách Đội", 2)],
    "thpt": [("Giáo viên", 86), ("Kế toán", 3), ("Nhân viên thư viện", 3), ("Nhân viên thiết bị", 3), ("Phó Hiệu trưởng", 3), ("Nhân viên văn thư", 2)],
    "yt": [("Điều dưỡng", 38), ("Bác sĩ", 22), ("Y sĩ", 10), ("Hộ sinh", 8), ("Dược sĩ", 6), ("Kỹ thuật viên", 8), ("Kế toán", 3), ("Hộ lý", 5)],
    "xa": [("Công chức Văn phòng - Thống kê", 14), ("Công chức Địa chính - Xây dựng", 14), ("Công chức Tư pháp - Hộ tịch", 12), ("Công chức Tài chính - Kế toán", 12), ("Công chức Văn hóa - Xã hội", 14), ("Chỉ huy trưởng Quân sự", 6), ("Phó Chủ tịch UBND", 10), ("Chủ tịch Hội Phụ nữ", 6), ("Bí thư Đoàn Thanh niên", 6), ("Chủ tịch Hội Nông dân", 6)],
    "huyenoff": [("Chuyên viên", 60), ("Trưởng phòng", 6), ("Phó Trưởng phòng", 10), ("Kế toán", 8), ("Văn thư", 6), ("Nhân viên", 10)],
    "so": [("Chuyên viên", 58), ("Chuyên viên chính", 12), ("Trưởng phòng", 6), ("Phó Trưởng phòng", 10), ("Kế toán", 6), ("Văn thư", 4), ("Lái xe", 4)],
    "dn": [("Công nhân", 62), ("Kỹ sư", 8), ("Kế toán", 5), ("Nhân viên kinh doanh", 8), ("Lái xe", 5), ("Tổ trưởng sản xuất", 6), ("Nhân viên kỹ thuật", 6)],
    "staff": [("Chuyên viên", 55), ("Trưởng ban", 12), ("Phó Trưởng ban", 10), ("Kế toán", 10), ("Phó Chủ tịch", 8), ("Văn thư", 5)],
}
HEADS = {"mn": "Hiệu trưởng", "pt": "Hiệu trưởng", "thpt": "Hiệu trưởng", "yt": "Giám đốc",
         "xa": "Chủ tịch UBND", "huyenoff": "Trưởng phòng", "so": "Giám đốc", "dn": "Giám đốc",
         "staff": "Chủ tịch"}

WORKS = {
    "giao_duc": ["Nhà lớp học 2 tầng", "Nhà đa năng", "Sân chơi, bãi tập cho học sinh",
                 "Nhà bán trú học sinh", "Bếp ăn bán trú", "Thư viện thân thiện"],
    "y_te": ["Khu điều trị nội trú", "Hệ thống xử lý chất thải y tế", "Khu khám bệnh ngoại trú",
             "Phòng xét nghiệm sinh học phân tử"],
    "hanh_chinh": ["Nhà văn hóa thôn", "Hệ thống nước sạch sinh hoạt", "Đường bê tông liên thôn",
                   "Bộ phận một cửa hiện đại", "Cầu treo dân sinh"],
    "doanh_nghiep": ["Dây chuyền chế biến", "Nhà xưởng sản xuất", "Hệ thống xử lý nước thải",
                     "Dây chuyền sấy chè", "Trạm biến áp nội bộ"],
}

# Movements a lower level proposes its most typical people and collectives
# for (rules/lib/phongtrao.lua), by kind of grassroots union.
PROPOSE_UNIT = {
    "dn": ["doanh-nghiep-hoi-nhap", "xanh-sach-dep", "doi-moi-cong-doan", "vi-nguoi-ngheo"],
    "xa": ["nong-thon-moi", "vi-nguoi-ngheo", "van-hoa-cong-so", "noi-khong-tieu-cuc", "chu-de-can-bo-co-so"],
    "huyenoff": ["nong-thon-moi", "vi-nguoi-ngheo", "van-hoa-cong-so", "noi-khong-tieu-cuc", "chu-de-can-bo-co-so"],
    "so": ["van-hoa-cong-so", "noi-khong-tieu-cuc", "doi-moi-cong-doan", "chu-de-can-bo-co-so"],
    "other": ["xanh-sach-dep", "doi-moi-cong-doan", "chu-de-can-bo-co-so", "vi-nguoi-ngheo", "van-hoa-cong-so"],
}
PROPOSE_MEMBER = {
    "dn": ["doanh-nghiep-hoi-nhap", "xanh-sach-dep", "lao-dong-gioi", "vi-nguoi-ngheo"],
    "xa": ["nong-thon-moi", "van-hoa-cong-so", "noi-khong-tieu-cuc", "vi-nguoi-ngheo", "chu-de-can-bo-co-so"],
    "huyenoff": ["nong-thon-moi", "van-hoa-cong-so", "noi-khong-tieu-cuc", "vi-nguoi-ngheo", "chu-de-can-bo-co-so"],
    "so": ["van-hoa-cong-so", "noi-khong-tieu-cuc", "vi-nguoi-ngheo", "chu-de-can-bo-co-so"],
    "staff": ["tham-muu-gioi", "tham-muu-gioi", "chu-de-can-bo-co-so", "doi-moi-cong-doan"],
    "other": ["lao-dong-gioi", "van-hoa-cong-so", "noi-khong-tieu-cuc", "vi-nguoi-ngheo", "xanh-sach-dep",
              "gioi-viec-nuoc"],
}
# Anniversaries a work greets (column work_occasion), per phase.
OCCASIONS = {"dot1": ["3-2", "30-4", "19-5", "bau-cu"], "dot2": ["28-7", "19-8", "2-9"]}


def occasion(xr, work, phase):
    """The anniversary a registered work greets: mostly one of its phase,
    now and then one of the other phase or none (the plaque is refused)."""
    if not work[0]:
        return ""
    r = xr.random()
    if r < 0.04:
        return ""
    other = "dot2" if phase == "dot1" else "dot1"
    pool = OCCASIONS[other] if r < 0.08 else OCCASIONS[phase]
    return pool[int(xr.random() * len(pool))]


def proposal(xr, p, mu, choices):
    """[proposed, merit]: a lower level's proposal for the Bằng khen of the
    phase (with probability p), its dossier scored around mu."""
    if xr.random() >= p:
        return ["", ""]
    movement = choices[int(xr.random() * len(choices))]
    return [movement, fmt_num(clamp(xr.gauss(mu, 7), 40, 100), 1)]


# ---------------------------------------------------------------------------
# Names. Bắc Kạn: Tày, Kinh, Dao, Nùng, H'Mông; Tày/Nùng/Dao surnames are
# common. Weights are rough shares.

SURNAMES = [("Nguyễn", 14), ("Hoàng", 12), ("Nông", 8), ("Triệu", 6), ("Hà", 5), ("Ma", 5),
            ("Lý", 4), ("Trần", 4), ("Đàm", 3), ("Bàn", 3), ("Lục", 3), ("Lê", 3),
            ("Dương", 3), ("Phạm", 2), ("Lâm", 2), ("Đinh", 2), ("Chu", 2), ("Đặng", 2),
            ("Hứa", 1.5), ("Lưu", 1.5), ("Phùng", 1.5), ("Vũ", 1.5), ("Vi", 1), ("Bế", 1),
            ("Lăng", 1), ("Mạc", 1), ("Đỗ", 1), ("Bùi", 1), ("Ngô", 1), ("Lộc", 1),
            ("Tô", 0.8), ("Sầm", 0.5), ("Hầu", 0.5), ("Giàng", 0.3), ("Mã", 0.5), ("La", 0.5)]
MIDDLE_F = [("Thị", 60), ("Thu", 5), ("Thanh", 5), ("Ngọc", 4), ("Hồng", 4), ("Thùy", 3),
            ("Minh", 3), ("Phương", 3), ("Kim", 3), ("Hải", 2), ("Mai", 2), ("Bích", 2),
            ("Diệu", 1), ("Quỳnh", 1.5), ("Lan", 1.5)]
MIDDLE_M = [("Văn", 55), ("Đức", 7), ("Minh", 6), ("Quang", 5), ("Hữu", 4), ("Xuân", 4),
            ("Thanh", 3), ("Ngọc", 3), ("Mạnh", 3), ("Công", 3), ("Trọng", 2), ("Tiến", 2),
            ("Hoàng", 2), ("Việt", 2), ("Duy", 2), ("Tuấn", 2)]
SECOND_F = ["Thu", "Thanh", "Ngọc", "Hồng", "Thùy", "Minh", "Phương", "Kim", "Hải", "Mai",
            "Bích", "Diệu", "Quỳnh", "Lan", "Hoài", "Tuyết"]
SECOND_M = ["Minh", "Quang", "Đức", "Tuấn", "Anh", "Hoàng", "Việt", "Hải", "Trung", "Thế"]
GIVEN_F = ["An", "Anh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền",
           "Hoa", "Hồng", "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "Ngân",
           "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thanh", "Thu", "Thủy",
           "Trang", "Uyên", "Vân", "Yến", "Xuân", "Tuyết", "Nhàn", "Hường", "Lý", "Thơm", "Hậu",
           "Thắm", "Dịu", "Lụa", "Hoài", "Nguyệt", "Vui", "Chinh"]
GIVEN_M = ["Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hùng",
           "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lợi", "Mạnh", "Minh", "Nam", "Nghĩa",
           "Phong", "Phúc", "Quang", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung",
           "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Chiến", "Dương", "Hưng", "Lực", "Tâm", "Thịnh",
           "Tú", "Khải", "Ngọc", "Thuận", "Đông", "Hoàn", "Chung"]


class Picker:
    """Weighted choice by bisect over cumulative weights (fast, deterministic)."""

    def __init__(self, pairs):
        self.items = [nfc(p[0]) if isinstance(p[0], str) else p[0] for p in pairs]
        acc, cum = 0.0, []
        for p in pairs:
            acc += p[1]
            cum.append(acc)
        self.cum = cum
        self.total = acc

    def __call__(self, r):
        return self.items[bisect.bisect_right(self.cum, r * self.total)]


P_SURNAME = Picker(SURNAMES)
P_MIDDLE_F = Picker(MIDDLE_F)
P_MIDDLE_M = Picker(MIDDLE_M)
SECOND_F, SECOND_M = nfc_all(SECOND_F), nfc_all(SECOND_M)
GIVEN_F, GIVEN_M = nfc_all(GIVEN_F), nfc_all(GIVEN_M)
P_POS = {k: Picker(v) for k, v in POSITIONS.items()}
HEADS = {k: nfc(v) for k, v in HEADS.items()}


def csv_field(s):
    """RFC 4180 quoting when needed."""
    if s is None:
        return ""
    s = str(s)
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def row(fields):
    return ",".join(csv_field(f) for f in fields) + "\n"


YES, NO = nfc("có"), nfc("không")


def yn(b):
    return YES if b else NO


def fmt_num(x, digits=2):
    s = f"{x:.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


ORD_BASE = datetime.date(1900, 1, 1).toordinal()
_date_cache = {}


def iso(ordinal):
    d = _date_cache.get(ordinal)
    if d is None:
        date = datetime.date.fromordinal(ordinal)
        if YEAR_SHIFT:
            day = 28 if (date.month, date.day) == (2, 29) else date.day
            date = date.replace(year=date.year + YEAR_SHIFT, day=day)
        d = date.isoformat()
        _date_cache[ordinal] = d
    return d


def ordinal(y, m, d):
    return datetime.date(y, m, d).toordinal()


D_2021_01_01 = ordinal(2021, 1, 1)
D_2021_06_30 = ordinal(2021, 6, 30)
D_2021_07_01 = ordinal(2021, 7, 1)
D_2021_12_01 = ordinal(2021, 12, 1)
D_2021_12_31 = ordinal(2021, 12, 31)


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


# ---------------------------------------------------------------------------
# Units


class Unit:
    __slots__ = ("id", "name", "kind", "parent", "cluster", "sector", "district", "founded",
                 "workers", "size", "q", "ukind", "women", "area")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


def build_units(rng, n_members):
    """The federation tree. Returns (units in id order, staff sizes)."""
    upper = []
    upper.append(Unit(id=PROVINCE_ID, name=PROVINCE_NAME, kind="tinh", parent="", cluster="",
                      district="tp-bac-kan", founded=ordinal(1975, 3, 10), ukind="staff",
                      women=0.55, q=rng.gauss(0.5, 0.5)))
    for code, hid, short, full, w, area, communes in DISTRICTS:
        name = nfc("Liên đoàn Lao động ") + full
        upper.append(Unit(id=hid, name=name, kind="huyen", parent=PROVINCE_ID,
                          cluster="KHOI-HUYEN", district=code, ukind="staff", women=0.5,
                          founded=ordinal(rng.randint(1976, 1998), rng.randint(1, 12), rng.randint(1, 28)),
                          q=rng.gauss(0, 1)))
    for sid, name, sector in SECTOR_UNIONS:
        upper.append(Unit(id=sid, name=name, kind="nganh", parent=PROVINCE_ID,
                          cluster="KHOI-NGANH", district="tp-bac-kan", ukind="staff", women=0.55,
                          founded=ordinal(rng.randint(1997, 2006), rng.randint(1, 12), rng.randint(1, 28)),
                          q=rng.gauss(0, 1)))
    staff = {PROVINCE_ID: 24 if n_members >= 5000 else 6}
    for u in upper[1:]:
        staff[u.id] = (rng.randint(5, 8) if u.kind == "huyen" else rng.randint(4, 6)) if n_members >= 5000 else 2
    for u in upper:
        u.size = staff[u.id]
        u.workers = u.size
    n_staff = sum(staff.values())

    n_cdcs = max(12, round(n_members / 80))
    district_pick = Picker([(d, d[4]) for d in DISTRICTS])
    commune_pick = Picker([(d, len(d[6])) for d in DISTRICTS])
    kind_pick = Picker([(k, k[1]) for k in KINDS])
    used = {}
    cdcs = []
    fixed_left = {"thpt": nfc_all(THPT_FIXED), "yt": nfc_all(YT_FIXED), "so": nfc_all(SO_FIXED),
                  "dn": nfc_all(DN_FIXED)}
    for i in range(n_cdcs):
        k = kind_pick(rng.random())
        key, _, mean, sector, women, parent, cprefix = k
        # schools and commune offices follow the communes; the rest the towns
        d = (commune_pick if key in ("mn", "pt", "xa") else district_pick)(rng.random())
        code, hid, short, full, _, area, communes = d
        provincial = False
        # a few tries for a name not used yet, then number it
        for attempt in range(12):
            x = communes[int(rng.random() * len(communes))]
            xshort = x[len(TT_PREFIX):] if x.startswith(TT_PREFIX) else x.split(" ", 1)[1]
            if key in ("thpt", "yt", "so", "dn") and fixed_left[key] and rng.random() < 0.5:
                base = fixed_left[key].pop(0)
                provincial = key != "dn"
            elif key == "mn":
                base = MN_NAMES[0].format(x=xshort)
            elif key == "pt":
                base = PT_NAMES[int(rng.random() * len(PT_NAMES))].format(x=xshort)
            elif key == "thpt":
                base = THPT_NAMES[int(rng.random() * len(THPT_NAMES))].format(d=short, x=xshort)
            elif key == "yt":
                base = YT_NAMES[int(rng.random() * len(YT_NAMES))].format(d=full, x=x)
            elif key == "xa":
                base = XA_NAMES[0].format(x=x)
            elif key == "huyenoff":
                base = HUYENOFF_NAMES[int(rng.random() * len(HUYENOFF_NAMES))].format(d=full)
            elif key == "so":
                base = SO_NAMES[int(rng.random() * len(SO_NAMES))]
                provincial = True
            else:  # dn
                brand = DN_BRANDS[int(rng.random() * len(DN_BRANDS))] if rng.random() < 0.7 else short
                base = "%s %s %s" % (DN_FORMS[int(rng.random() * len(DN_FORMS))],
                                     DN_TRADES[int(rng.random() * len(DN_TRADES))], brand)
            base = nfc(base)
            if key != "xa":
                base = nfc("Công đoàn ") + base
            if base not in used:
                break
        if provincial:
            code, area = "tp-bac-kan", 1
        n = used.get(base, 0) + 1
        used[base] = n
        name = base if n == 1 else "%s (%s %d)" % (base, nfc("số"), n)
        parent_id = hid if parent == "huyen" else parent
        if cprefix in ("MN", "PT", "HC"):
            cluster = "%s-KV%d" % (cprefix, area)
        else:
            cluster = cprefix
        # size: log-normal around the kind's mean
        raw = mean * math.exp(rng.gauss(-0.18, 0.6))
        if key in ("mn", "pt", "xa", "huyenoff"):
            raw = min(raw, 2.2 * mean)     # schools and offices stay small
        r = rng.random()
        if r < 0.012:      # founded in the second half of 2021: not graded yet
            founded = rng.randint(D_2021_07_01, D_2021_12_01)
        elif r < 0.025:
            founded = rng.randint(D_2021_01_01, D_2021_06_30)
        else:
            founded = ordinal(rng.randint(1985, 2020), rng.randint(1, 12), rng.randint(1, 28))
        cdcs.append(Unit(name=name, kind="cdcs", parent=parent_id, cluster=cluster, sector=sector,
                         district=code, founded=founded, ukind=key, women=women, size=raw,
                         q=rng.gauss(0, 1), area=area))

    # scale the sizes to the members asked for
    target = n_members - n_staff
    total = sum(u.size for u in cdcs)
    f = target / total
    for u in cdcs:
        u.size = max(3, int(u.size * f))
    diff = target - sum(u.size for u in cdcs)
    i = 0
    while diff != 0:
        u = cdcs[i % len(cdcs)]
        if diff > 0:
            u.size += 1
            diff -= 1
        elif u.size > 3:
            u.size -= 1
            diff += 1
        i += 1
    order = {"H0%d" % i: i for i in range(1, 9)}
    for j, s in enumerate(SECTOR_UNIONS):
        order[s[0]] = 10 + j
    cdcs.sort(key=lambda u: (order[u.parent], KIND_INDEX[u.ukind], u.name))
    for i, u in enumerate(cdcs, 1):
        u.id = "CD%05d" % i
        # workers: members are most of the staff in public bodies, fewer in companies
        cover = rng.uniform(0.55, 0.95) if u.ukind == "dn" else rng.uniform(0.9, 1.0)
        u.workers = max(u.size, round(u.size / cover))
    # a cluster compares a few tens of units: when the data is scaled up,
    # split a big cluster, in id order, into numbered ones (PT-KV1-01, ...)
    by_cluster = {}
    for u in cdcs:
        by_cluster.setdefault(u.cluster, []).append(u)
    for c, us in by_cluster.items():
        if len(us) > CLUSTER_MAX:
            parts = math.ceil(len(us) / CLUSTER_SPLIT)
            for k, u in enumerate(us):
                u.cluster = "%s-%02d" % (c, k * parts // len(us) + 1)
    return upper + cdcs


# ---------------------------------------------------------------------------
# Phase facts of units

def work_facts(rng, u, phase_from, phase_to, p):
    """A work registered for a plaque in this phase, or empty columns."""
    if u.kind != "cdcs" or rng.random() >= p:
        return ["", "", "", ""]
    works = WORKS[u.sector]
    name = works[int(rng.random() * len(works))]
    big = u.sector == "doanh_nghiep"
    value = round(math.exp(rng.gauss(7.2 if big else 6.1, 0.8)), -1)   # triệu đồng
    r = rng.random()
    if r < 0.75:
        finished = iso(rng.randint(phase_from, phase_to))
        accepted = yn(rng.random() < 0.88)
    elif r < 0.88:
        finished = iso(rng.randint(phase_to + 1, phase_to + 120))
        accepted = yn(False)
    else:
        finished, accepted = "", yn(False)
    return [nfc(name), fmt_num(value, 0), finished, accepted]


def unit_rating(rng, q):
    r = q + rng.gauss(0, 0.5)
    if r > 0.75:
        return "xuat_sac"
    if r > -1.4:
        return "tot"
    if r > -2.4:
        return "hoan_thanh"
    return "khong_hoan_thanh"


def write_units(rng, units, out, xr):
    base_cols = ["id", "name", "kind", "parent", "cluster", "sector", "district", "founded", "workers"]
    d1_cols = ["id", "green_score", "accidents", "osh_network", "work", "work_value",
               "work_finished", "work_accepted", "work_occasion", "proposed", "merit"]
    d2_cols = ["id", "rating", "dialogue", "agreement", "care_rate", "registered", "new_members",
               "member_target", "trained", "fee_rate", "report_on_time", "inspected", "commended",
               "late_reports", "violations", "work", "work_value", "work_finished", "work_accepted",
               "work_occasion", "proposed", "merit"]
    with open(os.path.join(out, "units.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(row(base_cols))
        for u in units:
            f.write(row([u.id, u.name, u.kind, u.parent, u.cluster, u.sector or "", u.district,
                         iso(u.founded), u.workers]))
    with open(os.path.join(out, "phases", "dot1", "units.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(row(d1_cols))
        for u in units:
            if u.kind != "cdcs":
                continue
            q = u.q
            green = clamp(rng.gauss(78 + 6 * q, 8), 35, 100)
            p_acc = {"dn": 0.10, "yt": 0.03}.get(u.ukind, 0.008)
            acc = 1 if rng.random() < p_acc else 0
            if acc and rng.random() < 0.2:
                acc = 2
            osh = rng.random() < clamp(0.78 + 0.08 * q, 0.3, 0.97)
            work = work_facts(rng, u, D_2021_01_01, D_2021_06_30, 0.2 if u.ukind == "dn" else 0.08)
            f.write(row([u.id, fmt_num(green, 1), acc, yn(osh)] + work + [occasion(xr, work, "dot1")]
                        + proposal(xr, 0.12, 80 + 5 * q, PROPOSE_UNIT.get(u.ukind, PROPOSE_UNIT["other"]))))
    with open(os.path.join(out, "phases", "dot2", "units.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(row(d2_cols))
        for u in units:
            if u.kind == "tinh":
                continue
            q = u.q
            rating = unit_rating(rng, q)
            target = max(0, round(u.size * rng.uniform(0.02, 0.08))) if u.kind == "cdcs" else 0
            if u.kind != "cdcs":
                # federations: targets of the district / sector, over their CĐCS
                target = rng.randint(150, 600)
            new = max(0, round(target * clamp(rng.gauss(0.85 + 0.25 * q, 0.3), 0, 2)))
            fee = clamp(rng.gauss(0.88 + 0.05 * q, 0.07), 0.5, 1.0)
            if u.ukind == "dn":
                fee = clamp(rng.gauss(0.78 + 0.08 * q, 0.12), 0.3, 1.0)
            commended = 0
            r = rng.random() + 0.12 * q
            if r > 0.93:
                commended = 2
            elif r > 0.7:
                commended = 1
            late = 0
            r = rng.random() - 0.1 * q
            if r > 0.9:
                late = 2
            elif r > 0.72:
                late = 1
            viol = 1 if rng.random() < 0.02 else 0
            if u.kind == "cdcs":
                facts = [u.id, rating,
                             yn(rng.random() < clamp(0.8 + 0.12 * q, 0.3, 0.99)),
                             yn(rng.random() < clamp((0.5 if u.ukind == "dn" else 0.72) + 0.12 * q, 0.1, 0.98)),
                             fmt_num(clamp(rng.gauss(0.75 + 0.1 * q, 0.15), 0.1, 1.0), 2),
                             yn(rng.random() < clamp(0.9 + 0.06 * q, 0.5, 0.995)),
                             new, target,
                             yn(rng.random() < clamp(0.7 + 0.12 * q, 0.2, 0.98)),
                             fmt_num(fee, 3),
                             yn(rng.random() < clamp(0.75 + 0.12 * q, 0.3, 0.98)),
                             yn(rng.random() < clamp(0.75 + 0.12 * q, 0.3, 0.98)),
                             commended, late, viol]
                # drawn after the facts above, as before work_occasion was added
                work = work_facts(rng, u, D_2021_07_01, D_2021_12_31, 0.2 if u.ukind == "dn" else 0.08)
                f.write(row(facts + work + [occasion(xr, work, "dot2")]
                            + proposal(xr, 0.12, 80 + 5 * q, PROPOSE_UNIT.get(u.ukind, PROPOSE_UNIT["other"]))))
            else:
                f.write(row([u.id, rating, "", "", "", "", new, target, "", fmt_num(fee, 3),
                             yn(rng.random() < 0.85), "", commended, late, viol, "", "", "", "", "", "", ""]))


# ---------------------------------------------------------------------------
# Members (streamed)

def pick_rating(p):
    """p ~ N(0, 1.35): about 18% xuất sắc, 68% tốt, 13% hoàn thành, 0.3% không."""
    if p > 1.23:
        return "xuat_sac"
    if p > -1.45:
        return "tot"
    if p > -3.7:
        return "hoan_thanh"
    return "khong_hoan_thanh"


DISC_LEVELS = Picker([("khien_trach", 58), ("canh_cao", 28), ("ha_bac", 5), ("cach_chuc", 5),
                      ("buoc_thoi_viec", 4)])
DISC_RANK = {"khien_trach": 1, "canh_cao": 2, "ha_bac": 3, "cach_chuc": 4, "buoc_thoi_viec": 5}


def initiatives(rng, p):
    """count of initiatives recognised in a phase, with probability p of any"""
    if rng.random() >= p:
        return 0
    r = rng.random()
    return 1 if r < 0.78 else 2 if r < 0.95 else 3


def scope(rng, star):
    r = rng.random()
    if star:
        return "co_so" if r < 0.78 else "tinh" if r < 0.97 else "toan_quoc"
    return "co_so" if r < 0.93 else "tinh" if r < 0.995 else "toan_quoc"


def benefit(rng, ukind, sc, star):
    """giá trị làm lợi, triệu đồng; None when not measured"""
    measured = 0.65 if ukind in ("dn", "yt") else 0.12
    if star:
        measured += 0.15
    if rng.random() >= measured:
        return None
    mu = {"co_so": 3.4, "tinh": 4.6, "toan_quoc": 5.3}[sc]
    if ukind in ("dn", "yt"):
        mu += 0.4
    return round(math.exp(rng.gauss(mu, 0.7)), 1)


SCOPE_RANK = {"": 0, "co_so": 1, "tinh": 2, "toan_quoc": 3}


# Standard normal by table look-up: the inverse CDF at the midpoints of 4096
# equal-probability bins (fast, deterministic, plenty for sample data).
NORMAL_TABLE = [statistics.NormalDist().inv_cdf((i + 0.5) / 4096) for i in range(4096)]


def write_members(rng, units, out, xr):
    W = lambda p: open(os.path.join(out, p), "w", encoding="utf-8", newline="", buffering=1 << 20)
    fm = W("members.csv")
    f1 = W(os.path.join("phases", "dot1", "members.csv"))
    f2 = W(os.path.join("phases", "dot2", "members.csv"))
    fh = W("history.csv")
    fm.write("id,name,unit,gender,born,started,position,staff,culture_family\n")
    f1.write("id,rating,initiatives,initiative_scope,benefit,discipline,proposed,merit\n")
    f2.write("id,rating,initiatives,initiative_scope,benefit,research,discipline,participates,"
             "women_activities,proposals,proposed,merit,dossier\n")
    fh.write("subject,award,year\n")

    rand = rng.random
    NT = NORMAL_TABLE
    dates = _date_cache

    def gauss(mu, sigma):
        return mu + sigma * NT[int(rand() * 4096)]
    yes, no = YES, NO
    n = 0
    d_born_lo = ordinal(1961, 7, 1)
    y_hist = HISTORY_YEARS
    for u in units:
        key = u.ukind
        staff = u.kind != "cdcs"
        staff_s = yes if staff else no
        pos_pick = P_POS[key]
        head = HEADS[key]
        uq = u.q
        women = u.women
        research_p = 0.05 if key in ("thpt", "yt", "so") else 0.012
        init_base = 0.16 if key in ("dn", "yt") else 0.11
        for j in range(u.size):
            n += 1
            mid = "DV%07d" % n
            female = rand() < women
            talent = 0.4 * uq + NT[int(rand() * 4096)]
            star = talent + 0.7 * NT[int(rand() * 4096)] > 1.75          # about 8%: innovators
            # name
            if female:
                mname = P_MIDDLE_F(rand())
                if mname == THI and rand() < 0.22:
                    mname = mname + " " + SECOND_F[int(rand() * len(SECOND_F))]
                name = "%s %s %s" % (P_SURNAME(rand()), mname, GIVEN_F[int(rand() * len(GIVEN_F))])
            else:
                mname = P_MIDDLE_M(rand())
                if rand() < 0.05:
                    mname = mname + " " + SECOND_M[int(rand() * len(SECOND_M))]
                name = "%s %s %s" % (P_SURNAME(rand()), mname, GIVEN_M[int(rand() * len(GIVEN_M))])
            # dates: women retire at 55, men at 60 (2021)
            max_age = 55 if female else 60
            age = 22 + (max_age - 22) * (rand() ** 0.85)
            born = D_2021_07_01 - int(age * 365.25) + int(rand() * 180)
            if born < d_born_lo:
                born = d_born_lo + int(rand() * 300)
            if j > 0 and rand() < 0.04:           # newly employed in 2021
                started = D_2021_01_01 + int(rand() * (D_2021_12_01 - D_2021_01_01))
            else:
                first = born + int(21.5 * 365.25) + int(rand() * 1500)
                lo = min(first, D_2021_01_01 - 30)
                started = lo + int(rand() * (D_2021_01_01 - lo))
            position = head if j == 0 else pos_pick(rand())
            culture = rand() < 0.85
            fm.write("%s,%s,%s,%s,%s,%s,%s,%s,%s\n" % (
                mid, name, u.id, "nu" if female else "nam", dates.get(born) or iso(born),
                dates.get(started) or iso(started),
                position, staff_s, yes if culture else no))

            # phase 1 (mid-year)
            p1 = talent + 0.9 * NT[int(rand() * 4096)]
            r1 = pick_rating(p1)
            disc = ""
            if rand() < (0.002 if talent > -1 else 0.01):
                disc = DISC_LEVELS(rand())
            disc1 = disc if rand() < 0.5 else ""
            if disc1 and DISC_RANK[disc1] >= 2 and r1 in ("xuat_sac", "tot"):
                r1 = "hoan_thanh"
            i1 = initiatives(rng, 0.28 if star else init_base * 0.3)
            s1 = scope(rng, star) if i1 else ""
            b1 = benefit(rng, key, s1, star) if i1 else None
            choices = PROPOSE_MEMBER["staff" if staff else key if key in PROPOSE_MEMBER else "other"]
            def propose(rating, n):
                # innovators are proposed for the movements of initiatives
                options = ["lao-dong-gioi", "doan-ket-sang-tao"] if n and not staff else choices
                return proposal(xr, 0.05 if rating == "xuat_sac" else 0.004, 80 + 4 * talent, options)
            f1.write("%s,%s,%s,%s,%s,%s,%s\n" % (mid, r1, i1, s1, "" if b1 is None else fmt_num(b1, 1), disc1,
                                                 ",".join(propose(r1, i1))))

            # phase 2 (annual)
            p2 = 0.5 * p1 + 0.5 * talent + 0.7 * NT[int(rand() * 4096)]
            r2 = pick_rating(p2)
            if disc and (DISC_RANK[disc] >= 2 or rand() < 0.5) and r2 in ("xuat_sac", "tot"):
                r2 = "hoan_thanh"
            # initiatives of the second half, reported with the first half's:
            # the đợt 2 row holds the whole year
            i2 = initiatives(rng, 0.7 if star else init_base)
            s2 = scope(rng, star) if i2 else ""
            b2 = benefit(rng, key, s2, star) if i2 else None
            if SCOPE_RANK[s1] > SCOPE_RANK[s2]:
                s2 = s1
            if b1 is not None:
                b2 = b1 + (b2 or 0)
            i2 += i1
            b2 = "" if b2 is None else fmt_num(b2, 1)
            research = rand() < (research_p * (4 if star else 1))
            participates = rand() < 0.97
            wa = (yes if rand() < 0.86 else no) if female else ""
            proposals = ""
            if staff:
                proposals = max(0, min(8, int(round(1.5 + 1.2 * talent + gauss(0, 1)))))
            dossier = "" if not i2 else yes if xr.random() < 0.15 else no
            f2.write("%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n" % (
                mid, r2, i2, s2, b2, yes if research else no, disc,
                yes if participates else no, wa, proposals, ",".join(propose(r2, i2)), dossier))

            # history: Chiến sĩ thi đua cơ sở (innovators keep it for years),
            # Giỏi việc nước, đảm việc nhà (women)
            ph = 0.5 if star else 0.02
            for y in y_hist:
                if rand() < ph:
                    fh.write("%s,cstd-co-so,%d\n" % (mid, y + YEAR_SHIFT))
            if female:
                pg = 0.55 if talent > 0.3 else 0.12
                for y in y_hist:
                    if rand() < pg:
                        fh.write("%s,gioi-viec-nuoc,%d\n" % (mid, y + YEAR_SHIFT))
    for f in (fm, f1, f2):
        f.close()
    return fh, n


def write_unit_history(rng, units, fh):
    """Tập thể lao động xuất sắc and one Cờ thi đua per cluster, 2018-2020."""
    clusters = {}
    for u in units:
        if u.kind in ("cdcs", "huyen", "nganh") and u.cluster and u.founded < ordinal(2018, 1, 1):
            clusters.setdefault(u.cluster, []).append(u)
    rows = []
    for u in units:
        if u.kind == "cdcs":
            for y in HISTORY_YEARS:
                if u.founded < ordinal(y, 1, 1) and u.q + rng.gauss(0, 0.8) > 1.0:
                    rows.append((u.id, "tt-lao-dong-xuat-sac", y))
    for c in sorted(clusters):
        for y in HISTORY_YEARS:
            best = max(clusters[c], key=lambda u: (u.q + rng.gauss(0, 0.7), u.id))
            rows.append((best.id, "co-thi-dua", y))
    rows.sort()
    for subject, award, year in rows:
        fh.write("%s,%s,%d\n" % (subject, award, year + YEAR_SHIFT))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate the Bắc Kạn 2021 sample data of Commend.")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: the year, 2021)")
    ap.add_argument("--members", type=int, default=30000, help="number of members (default 30000)")
    ap.add_argument("--out", default=None, help="output directory (default examples/bac-kan-2021)")
    ap.add_argument("--year", type=int, default=PLAN_YEAR,
                    help="the plan year the data are dated for (default 2021; history.csv then covers the "
                         "three years before); the seed defaults to the year")
    ap.add_argument("--no-history", action="store_true",
                    help="write no history.csv (the history comes from recorded runs instead)")
    args = ap.parse_args(argv)
    global YEAR_SHIFT
    YEAR_SHIFT = args.year - PLAN_YEAR
    if args.seed is None:
        args.seed = args.year
    if args.members < 200:
        ap.error("--members must be at least 200")
    out = args.out
    if out is None:
        out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "bac-kan-2021")
        out = os.path.normpath(out)
    t0 = time.time()
    rng = random.Random(args.seed)
    for p in ("dot1", "dot2"):
        os.makedirs(os.path.join(out, "phases", p), exist_ok=True)
    units = build_units(rng, args.members)
    write_units(random.Random(args.seed * 7 + 1), units, out, random.Random(args.seed * 7 + 4))
    fh, n = write_members(random.Random(args.seed * 7 + 2), units, out, random.Random(args.seed * 7 + 5))
    write_unit_history(random.Random(args.seed * 7 + 3), units, fh)
    fh.close()
    if args.no_history:
        os.remove(os.path.join(out, "history.csv"))
    print("%d units (%d CĐCS), %d members -> %s in %.1fs" % (
        len(units), sum(1 for u in units if u.kind == "cdcs"), n, out, time.time() - t0),
        file=sys.stderr)


if __name__ == "__main__":
    main()
