#!/usr/bin/env python3
"""Benchmark corpus generator for lantoa (Python 3.11, standard library only).

Writes, from a seed, the same N Vietnamese articles twice:

  OUT/lantoa/   a lantoa project: content/network.yaml, content/laws.yaml,
                content/sites/<id>/site.yaml (+ articles/), and a copy of the theme
  OUT/hugo/     a Hugo site: hugo.yaml, content/posts/*.md, layouts/, static/

    python3 bench/gen_corpus.py --seed 1 --sites 1 --articles 1000 --out /tmp/c1k
    python3 bench/gen_corpus.py --seed 1 --sites 50 --articles 1000 --shared --out /tmp/c50

Front matter follows docs/content.md (title, date, tags, status, approved_by, author,
summary). The text is built from a few hundred real Vietnamese words and phrases about
schools, safe internet use, law and Đoàn – Đội; bodies have 400–1200 words with headings,
lists, tables, links (to other articles, to laws, to outside pages) and, in about 5% of the
articles, a fenced code block. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2026, 11, 28, 7, 0)  # the benchmark's --now (Vietnam time)
TZ = "+07:00"

# --------------------------------------------------------------------------- vocabulary

TAGS = [
    "an toàn mạng", "tin giả", "Đoàn – Đội", "người tốt việc tốt", "pháp luật",
    "kỹ năng số", "bảo vệ trẻ em", "phòng chống lừa đảo", "quyền riêng tư",
    "bắt nạt trực tuyến", "chuyển đổi số", "văn hóa học đường", "cha mẹ học sinh",
    "giáo viên", "khai giảng", "Ngày Pháp luật", "Luật An ninh mạng", "dữ liệu cá nhân",
    "mạng xã hội", "trò chơi trực tuyến", "thời gian màn hình", "hoạt động ngoại khóa",
    "câu lạc bộ", "cuộc thi", "tình nguyện", "kế hoạch nhỏ", "an toàn giao thông",
    "sức khỏe tinh thần", "tin tốt", "học tập suốt đời", "thư viện", "Tết",
    "20 tháng 11", "chi đội", "liên đội", "tuyên truyền", "thông tin chính thống",
    "mật khẩu", "điện thoại thông minh", "ứng xử văn minh",
]

SUBJECTS = [
    "Học sinh", "Các em học sinh", "Giáo viên chủ nhiệm", "Ban Giám hiệu nhà trường",
    "Liên đội", "Chi đoàn giáo viên", "Tổng phụ trách Đội", "Cha mẹ học sinh",
    "Ban Biên tập", "Nhà trường", "Phòng Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo",
    "Đoàn viên thanh niên", "Đội viên", "Câu lạc bộ Tin học", "Tổ Giáo dục công dân",
    "Hội đồng Đội", "Các chi đội", "Tập thể lớp 8A", "Tập thể lớp 9B", "Lớp 6C",
    "Ban đại diện cha mẹ học sinh", "Công an xã", "Cán bộ tư pháp xã", "Cô Tổng phụ trách",
    "Thầy giáo dạy Tin học", "Các bạn phóng viên nhỏ", "Ban chỉ huy Liên đội",
    "Đội tuyên truyền măng non", "Giáo viên bộ môn", "Mỗi gia đình", "Các thầy cô giáo",
    "Câu lạc bộ Em yêu pháp luật", "Nhóm học sinh lớp 7A", "Bí thư Chi đoàn",
    "Hội Khuyến học", "Nhân viên thư viện", "Các em đội viên khối 6", "Ban Thường vụ Huyện đoàn",
    "Tổ Truyền thông",
]

VERBS = [
    "tổ chức", "phát động", "hướng dẫn", "tuyên truyền về", "thảo luận về", "chia sẻ về",
    "tìm hiểu", "thực hiện", "kiểm tra lại", "ghi nhận", "nhắc nhở nhau về", "đăng tải",
    "xác minh", "báo cáo về", "lan tỏa", "rèn luyện", "trao đổi về", "cam kết thực hiện",
    "phối hợp triển khai", "học tập", "đóng góp ý kiến cho", "xây dựng", "giới thiệu",
    "trình bày", "theo dõi", "khuyến khích", "hưởng ứng", "sân khấu hóa", "vẽ tranh về",
    "viết bài cảm nhận về", "bình chọn", "tổng kết", "ôn tập", "thực hành", "lắng nghe",
    "đặt câu hỏi về", "nêu gương về", "quan tâm hơn đến", "lên kế hoạch cho", "đánh giá",
    "cập nhật", "hoàn thành", "bảo vệ", "tuân thủ", "phổ biến",
]

OBJECTS = [
    "quy tắc ứng xử trên mạng xã hội", "cách bảo vệ thông tin cá nhân", "tin giả trên mạng",
    "mật khẩu an toàn", "xác thực hai lớp", "thời gian sử dụng màn hình",
    "Luật An ninh mạng", "Luật Trẻ em", "quyền riêng tư của bạn bè", "bắt nạt trực tuyến",
    "các hình thức lừa đảo qua mạng", "trò chơi trực tuyến", "tài khoản mạng xã hội",
    "hình ảnh của bạn bè", "những bình luận tiêu cực", "những tin tốt trong lớp",
    "phong trào Kế hoạch nhỏ", "hoạt động tình nguyện", "cuộc thi tìm hiểu pháp luật",
    "kỹ năng số cơ bản", "nguồn tin chính thống", "các đường link lạ", "mã OTP",
    "tin nhắn giả mạo ngân hàng", "thói quen đọc sách", "góc kiểm chứng tin",
    "bản cam kết sử dụng mạng an toàn", "giờ sinh hoạt lớp", "quyền và bổn phận của trẻ em",
    "dữ liệu cá nhân", "cài đặt quyền riêng tư", "ứng dụng học tập", "thư viện số",
    "những câu chuyện đẹp", "gương người tốt, việc tốt", "buổi chào cờ đầu tuần",
    "nội quy nhà trường", "văn hóa đọc", "an toàn giao thông", "các video ngắn",
    "thông tin chưa được kiểm chứng", "tổng đài 111", "số điện thoại đường dây nóng",
    "chuyên đề pháp luật", "phần mềm quản lý học sinh", "nhóm Zalo của lớp",
    "trang thông tin điện tử của trường", "sổ tay an toàn số", "tình bạn đẹp",
    "lòng biết ơn thầy cô", "ý thức tự học", "môi trường học đường thân thiện",
]

ADVERBIALS = [
    "trong tiết sinh hoạt dưới cờ", "vào đầu năm học mới", "trong buổi ngoại khóa",
    "tại hội trường nhà trường", "qua nhóm Zalo của lớp", "trên trang thông tin của trường",
    "trước khi chia sẻ bất kỳ thông tin nào", "một cách chủ động và có trách nhiệm",
    "theo kế hoạch của Sở", "trong tháng cao điểm", "ngay từ những việc nhỏ nhất",
    "cùng với gia đình", "dưới sự hướng dẫn của thầy cô", "trong giờ học Tin học",
    "vào cuối mỗi tuần", "suốt học kỳ I", "trong dịp kỷ niệm Ngày Nhà giáo Việt Nam",
    "nhân Ngày Pháp luật Việt Nam", "ở tất cả các khối lớp", "tại thư viện nhà trường",
    "với sự tham gia của cha mẹ học sinh", "trên tinh thần tự nguyện",
    "theo đúng quy định của pháp luật", "một cách sinh động, dễ hiểu",
    "trong không khí vui tươi, phấn khởi", "ở cả hai điểm trường", "trước giờ vào lớp",
    "sau mỗi buổi học", "vào chiều thứ Sáu hằng tuần", "ngay tại lớp học",
]

CONNECTORS = [
    "Bên cạnh đó,", "Ngoài ra,", "Qua đó,", "Đặc biệt,", "Theo đó,", "Trong thời gian tới,",
    "Nhờ vậy,", "Cũng trong dịp này,", "Bước đầu,", "Tiếp nối thành công đó,",
    "Trước đó,", "Không chỉ vậy,", "Đáng chú ý,", "Sau buổi học,", "Từ đầu năm học,",
]

OUTCOMES = [
    "các em đã biết cách nhận diện tin giả", "số bài viết tích cực trên trang của trường tăng lên",
    "nhiều phụ huynh đã cài đặt lại quyền riêng tư cho con", "không còn tình trạng chia sẻ ảnh bạn khi chưa được đồng ý",
    "học sinh mạnh dạn báo cho thầy cô khi gặp tin nhắn lạ", "lớp học trở nên đoàn kết và thân thiện hơn",
    "các em dành nhiều thời gian hơn cho việc đọc sách", "phong trào được cha mẹ học sinh đồng tình ủng hộ",
    "nhiều câu chuyện đẹp được lan tỏa trong toàn trường", "ý thức chấp hành pháp luật của học sinh được nâng lên",
    "các chi đội thi đua sôi nổi", "mỗi em đều có một mật khẩu đủ mạnh",
]

PEOPLE = [
    "Cô Nguyễn Thị Hoa", "Thầy Trần Văn Nam", "Cô Lê Thị Thu Hằng", "Thầy Phạm Quốc Bảo",
    "Cô Vũ Thị Ngọc Anh", "Thầy Đặng Minh Tuấn", "Cô Hoàng Thị Lan", "Thầy Bùi Đức Thắng",
    "Cô Đỗ Thị Mai", "Thầy Ngô Văn Hải", "Cô Phan Thị Hương", "Thầy Lý Văn Dũng",
    "Cô Trịnh Thị Thảo", "Thầy Vi Văn Thành", "Cô Mạc Thị Yến", "Thầy Chu Quang Vinh",
]

ROLES = [
    "Hiệu trưởng", "Phó Hiệu trưởng", "Tổng phụ trách Đội", "giáo viên chủ nhiệm lớp 8A",
    "giáo viên Tin học", "giáo viên Giáo dục công dân", "Bí thư Chi đoàn", "Trưởng ban Biên tập",
]

STUDENTS = [
    "em Nguyễn Minh Khang", "em Trần Bảo Ngọc", "em Lê Gia Huy", "em Phạm Thu Trang",
    "em Vũ Đức Anh", "em Hoàng Khánh Linh", "em Đỗ Quang Minh", "em Bùi Phương Thảo",
]

QUOTES = [
    "Trước khi bấm chia sẻ, em luôn tự hỏi tin này từ đâu ra và có làm ai buồn không",
    "Mạng xã hội là nơi để học hỏi và kết nối, nhưng mỗi người phải tự bảo vệ mình",
    "Chúng tôi muốn mỗi học sinh trở thành một người dùng mạng văn minh, tử tế",
    "Khi gặp điều bất thường trên mạng, các con hãy kể ngay với bố mẹ hoặc thầy cô",
    "Một lời khen đúng lúc trên mạng có thể làm bạn mình vui cả ngày",
    "Em đã đổi mật khẩu và bật xác thực hai lớp ngay sau buổi học",
    "Pháp luật không xa lạ, pháp luật ở ngay trong những việc chúng ta làm hằng ngày",
    "Nhà trường sẽ tiếp tục đồng hành cùng cha mẹ trong việc giáo dục kỹ năng số cho các em",
]

HEADINGS = [
    "Mục đích, yêu cầu", "Nội dung thực hiện", "Kết quả bước đầu", "Em cần làm gì?",
    "Lời khuyên cho cha mẹ", "Những con số đáng chú ý", "Kế hoạch thời gian tới",
    "Cách nhận biết tin giả", "Hành vi bị nghiêm cấm", "Trách nhiệm của nhà trường",
    "Ý kiến của học sinh", "Bài học rút ra", "Phân công thực hiện", "Tổ chức thực hiện",
    "Những lưu ý khi dùng mạng xã hội", "Câu chuyện từ lớp học", "Góc pháp luật",
    "Thông tin liên hệ", "Tiêu chí đánh giá", "Thời gian và địa điểm", "Hưởng ứng của phụ huynh",
    "Một số tình huống thường gặp", "Điều em đã học được", "Đề xuất, kiến nghị",
]

LIST_ITEMS = [
    "Không chia sẻ mật khẩu cho bất kỳ ai, kể cả bạn thân",
    "Kiểm tra nguồn tin trước khi bấm thích hoặc chia sẻ",
    "Không đăng ảnh của bạn khi bạn chưa đồng ý",
    "Báo ngay cho thầy cô khi bị bắt nạt trên mạng",
    "Đặt giới hạn thời gian dùng điện thoại mỗi ngày",
    "Không bấm vào đường link lạ gửi qua tin nhắn",
    "Không cung cấp mã OTP cho người khác",
    "Dùng lời lẽ lịch sự khi bình luận",
    "Cài đặt chế độ riêng tư cho tài khoản cá nhân",
    "Gọi tổng đài 111 khi cần hỗ trợ bảo vệ trẻ em",
    "Mỗi tuần viết một tin tốt về lớp mình",
    "Đọc sách ít nhất 20 phút mỗi ngày",
    "Tham gia đầy đủ các buổi sinh hoạt chuyên đề",
    "Cùng cha mẹ thống nhất nội quy dùng thiết bị ở nhà",
    "Ghi rõ nguồn khi đăng lại thông tin",
    "Không tham gia các nhóm lan truyền tin chưa kiểm chứng",
    "Đăng xuất tài khoản khi dùng máy tính chung",
    "Giữ bí mật thông tin gia đình, địa chỉ nhà",
    "Khen ngợi bạn bè bằng những lời chân thành",
    "Tìm hiểu các quy định của pháp luật về an ninh mạng",
]

TABLE_SPECS = [
    (["Việc", "Người phụ trách", "Thời gian"],
     [["Thu thập tin tốt", "Chi đội, giáo viên chủ nhiệm", "Hằng tuần"],
      ["Xác minh, biên tập", "Tổng phụ trách Đội, Ban Biên tập", "Thứ Năm"],
      ["Xin đồng ý của học sinh và cha mẹ", "Giáo viên chủ nhiệm", "Trước khi đăng"],
      ["Duyệt và đăng", "Hiệu trưởng hoặc người được giao", "Thứ Sáu"],
      ["Tổng hợp, báo cáo", "Thư ký Ban Biên tập", "Cuối tháng"],
      ["Khen thưởng", "Ban Giám hiệu", "Cuối học kỳ"]]),
    (["Khối lớp", "Số học sinh tham gia", "Tỉ lệ"],
     [["Khối 6", "{n1}", "{p1}%"], ["Khối 7", "{n2}", "{p2}%"],
      ["Khối 8", "{n3}", "{p3}%"], ["Khối 9", "{n4}", "{p4}%"]]),
    (["Hành vi", "Nên", "Không nên"],
     [["Nhận tin nhắn lạ", "Hỏi ý kiến cha mẹ", "Bấm vào đường link"],
      ["Thấy tin giật gân", "Kiểm tra nguồn chính thống", "Chia sẻ ngay"],
      ["Bạn bị chê bai trên mạng", "Động viên bạn, báo thầy cô", "Im lặng hoặc hùa theo"],
      ["Muốn đăng ảnh lớp", "Xin phép các bạn trong ảnh", "Gắn thẻ khi chưa hỏi"],
      ["Có người xin mã OTP", "Từ chối, báo người lớn", "Đọc mã cho người lạ"]]),
    (["Thời gian", "Nội dung", "Địa điểm"],
     [["Tuần 1", "Phát động phong trào", "Sân trường"],
      ["Tuần 2", "Sinh hoạt chuyên đề theo lớp", "Các lớp học"],
      ["Tuần 3", "Thi tìm hiểu pháp luật", "Hội trường"],
      ["Tuần 4", "Tổng kết, trao giải", "Sân trường"]]),
]

CODE_BLOCKS = [
    ("python", "# Kiểm tra độ mạnh của mật khẩu (bài thực hành Tin học 8)\n"
               "def mat_khau_manh(mk: str) -> bool:\n"
               "    co_so = any(c.isdigit() for c in mk)\n"
               "    co_hoa = any(c.isupper() for c in mk)\n"
               "    co_ky_tu = any(not c.isalnum() for c in mk)\n"
               "    return len(mk) >= 12 and co_so and co_hoa and co_ky_tu\n\n"
               "print(mat_khau_manh(\"HocSinh@2026!\"))\n"),
    ("html", "<!-- Mẫu chân trang bài viết trên trang của trường -->\n"
             "<footer class=\"nguon\">\n"
             "  <p>Nguồn: Ban Biên tập nhà trường</p>\n"
             "  <p>Đường dây nóng: <a href=\"tel:111\">111</a></p>\n"
             "</footer>\n"),
    ("bash", "# Sao lưu ảnh hoạt động của lớp trước khi xóa khỏi điện thoại\n"
             "mkdir -p ~/anh-hoat-dong/lop-8a\n"
             "cp ~/DCIM/Camera/*.jpg ~/anh-hoat-dong/lop-8a/\n"
             "ls ~/anh-hoat-dong/lop-8a | wc -l\n"),
    ("json", "{\n  \"lop\": \"8A\",\n  \"tin_tot_tuan_nay\": 3,\n"
             "  \"nguoi_viet\": [\"Minh Khang\", \"Bảo Ngọc\"],\n  \"da_duyet\": true\n}\n"),
]

TITLE_PATTERNS = [
    "{unit} tổ chức chuyên đề “{topic}”",
    "Học sinh {cls} tìm hiểu {topic}",
    "{k} lời khuyên về {topic} cho học sinh lớp {grade}",
    "Liên đội THCS {place} phát động phong trào “{slogan}”",
    "Điểm tin an toàn mạng tuần {w} tháng {m}",
    "Sôi nổi cuộc thi tìm hiểu {topic}",
    "Cha mẹ cùng con {verb} {topic}",
    "Liên đội {verb} {topic}",
    "Chi đoàn giáo viên {verb} {topic}",
    "Nhận diện {topic}: điều học sinh cần biết",
    "Gương sáng lớp {cls}: {deed}",
    "Tọa đàm về {topic} với cha mẹ học sinh",
    "Hướng dẫn {topic} cho học sinh khối {grade}",
    "Sân khấu hóa {topic} trong giờ chào cờ",
    "Ngoại khóa “{topic}” thu hút đông đảo học sinh",
    "Học sinh THCS {place} {verb} {topic}",
    "Trường THCS {place} ra mắt câu lạc bộ {topic}",
    "Tuổi trẻ {place} với {topic}",
]

TOPICS = [
    "quy tắc ứng xử trên mạng xã hội", "bảo vệ thông tin cá nhân", "phòng chống tin giả",
    "mật khẩu an toàn", "thời gian màn hình", "Luật An ninh mạng", "quyền trẻ em",
    "phòng chống bắt nạt trực tuyến", "phòng chống lừa đảo qua mạng", "kỹ năng số",
    "văn hóa đọc", "an toàn giao thông", "dữ liệu cá nhân", "tin tốt, việc tốt",
    "trò chơi trực tuyến lành mạnh", "ứng xử văn minh", "quyền riêng tư", "pháp luật",
    "xác thực hai lớp", "nhận diện tin nhắn giả mạo", "tổng đài 111", "sức khỏe tinh thần",
    "an toàn khi livestream", "bản quyền hình ảnh", "quyền được bảo vệ của trẻ em",
    "kỹ năng tìm kiếm thông tin", "cài đặt quyền riêng tư", "Ngày Pháp luật Việt Nam",
    "Luật Trẻ em", "phòng chống xâm hại trẻ em", "thư viện số", "ứng dụng học tập",
    "nội quy sử dụng điện thoại", "bình luận văn minh", "phòng chống nghiện game",
    "chia sẻ tin tốt",
]

SLOGANS = [
    "Mỗi ngày một tin tốt, mỗi tuần một câu chuyện đẹp", "Nghĩ trước khi chia sẻ",
    "Lướt mạng an toàn, sống đẹp mỗi ngày", "Học sinh nói không với tin giả",
    "Tuổi trẻ sống đẹp trên không gian mạng", "Kế hoạch nhỏ – việc làm lớn",
]

DEEDS = [
    "nhặt được ví trả người đánh rơi", "giúp bạn khuyết tật lên cầu thang",
    "báo thầy cô về tin nhắn lừa đảo", "quyên góp sách cho bạn vùng cao",
    "gỡ bài đăng làm tổn thương bạn", "kèm bạn học Tin học sau giờ",
]

CLASSES = ["6A", "6B", "7A", "7C", "8A", "8B", "9A", "9B", "9C"]

PLACES = [
    "Hải Yên", "Hải Hòa", "Ka Long", "Trà Cổ", "Bình Ngọc", "Hải Đông", "Hải Xuân", "Vạn Ninh",
    "Quảng Nghĩa", "Hải Tiến", "Hải Sơn", "Bắc Sơn", "Ninh Dương", "Hòa Lạc", "Trần Phú",
    "Hồng Gai", "Bãi Cháy", "Hà Tu", "Cao Xanh", "Giếng Đáy", "Hoành Bồ", "Quang Hanh",
    "Cẩm Phả", "Mông Dương", "Cửa Ông", "Uông Bí", "Vàng Danh", "Yên Thanh", "Đông Triều",
    "Mạo Khê", "Hoàng Quế", "Quảng Yên", "Hà An", "Phong Cốc", "Tiên Yên", "Đông Ngũ",
    "Hải Lạng", "Đầm Hà", "Quảng Hà", "Bình Liêu", "Hoành Mô", "Ba Chẽ", "Vân Đồn",
    "Cái Rồng", "Quan Lạn", "Cô Tô", "Thanh Lân", "Đại Dực", "Quảng Lâm", "Đường Hoa",
    "Quảng Thành", "Tân Bình", "Minh Thành", "Liên Hòa", "Sông Khoai", "Cộng Hòa",
]

LAWS_YAML = """\
# Văn bản pháp luật mà các bài viết trong bộ dữ liệu thử dẫn chiếu (danh mục rút gọn).
- id: luat-tre-em-2016
  title: "Luật Trẻ em"
  number: "102/2016/QH13"
  issuer: "Quốc hội"
  issued: 2016-04-05
  effective: 2017-06-01
  url: "https://thuvienphapluat.vn/page/tim-van-ban.aspx?keyword=102%2F2016%2FQH13"
  articles:
    6: "Các hành vi bị nghiêm cấm"
    21: "Quyền bí mật đời sống riêng tư"
    54: "Trách nhiệm bảo vệ trẻ em trên môi trường mạng"

- id: luat-an-ninh-mang-2018
  title: "Luật An ninh mạng"
  number: "24/2018/QH14"
  issuer: "Quốc hội"
  issued: 2018-06-12
  effective: 2019-01-01
  repealed: 2026-07-01
  replaced_by: luat-an-ninh-mang-2025
  url: "https://thuvienphapluat.vn/page/tim-van-ban.aspx?keyword=24%2F2018%2FQH14"
  articles:
    8: "Các hành vi bị nghiêm cấm về an ninh mạng"
    29: "Bảo vệ trẻ em trên không gian mạng"

- id: luat-an-ninh-mang-2025
  title: "Luật An ninh mạng"
  number: "116/2025/QH15"
  issuer: "Quốc hội"
  issued: 2025-12-10
  effective: 2026-07-01
  url: "https://thuvienphapluat.vn/page/tim-van-ban.aspx?keyword=116%2F2025%2FQH15"
  articles: {}
"""

# Law links used in bodies: (lantoa target, Hugo/plain URL, link text)
LAW_LINKS = [
    ("law:luat-tre-em-2016#6", "https://thuvienphapluat.vn/page/tim-van-ban.aspx?keyword=102%2F2016%2FQH13",
     "Điều 6 Luật Trẻ em"),
    ("law:luat-tre-em-2016#21", "https://thuvienphapluat.vn/page/tim-van-ban.aspx?keyword=102%2F2016%2FQH13",
     "Điều 21 Luật Trẻ em"),
    ("law:luat-tre-em-2016#54", "https://thuvienphapluat.vn/page/tim-van-ban.aspx?keyword=102%2F2016%2FQH13",
     "Điều 54 Luật Trẻ em"),
    ("law:luat-an-ninh-mang-2018#8", "https://thuvienphapluat.vn/page/tim-van-ban.aspx?keyword=24%2F2018%2FQH14",
     "Điều 8 Luật An ninh mạng 2018"),
    ("law:luat-an-ninh-mang-2025", "https://thuvienphapluat.vn/page/tim-van-ban.aspx?keyword=116%2F2025%2FQH15",
     "Luật An ninh mạng 2025"),
]

EXTERNAL_LINKS = [
    ("https://moet.gov.vn/", "Cổng thông tin Bộ Giáo dục và Đào tạo"),
    ("https://tongdai111.vn/", "Tổng đài quốc gia bảo vệ trẻ em 111"),
    ("https://tinnhiemmang.vn/", "Tín nhiệm mạng"),
    ("https://khonggianmang.vn/", "Cổng không gian mạng quốc gia"),
    ("https://doanthanhnien.vn/", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
]

# --------------------------------------------------------------------------- helpers


def slugify(text: str) -> str:
    """ASCII slug the Vietnamese way (Đ → d), like lantoa's."""
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    out, dash = [], False
    for c in text.lower():
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


class Writer:
    def __init__(self, rng: random.Random):
        self.r = rng

    def clause(self) -> str:
        r = self.r
        return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(ADVERBIALS)}"

    def sentence(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.30:
            s = f"{r.choice(CONNECTORS)} {lower_first(self.clause())}."
        elif k < 0.50:
            s = f"{self.clause()}, nhờ đó {r.choice(OUTCOMES)}."
        elif k < 0.62:
            s = (f"Theo {lower_first(r.choice(PEOPLE))}, {r.choice(ROLES)}, "
                 f"{lower_first(self.clause())}.")
        elif k < 0.70:
            s = f"“{r.choice(QUOTES)}”, {lower_first(r.choice(STUDENTS + PEOPLE))} chia sẻ."
        elif k < 0.80:
            n = r.randint(12, 480)
            s = (f"Đã có {n} lượt học sinh {r.choice(VERBS)} {r.choice(OBJECTS)}, "
                 f"{r.choice(ADVERBIALS)}.")
        else:
            s = (f"{self.clause()} và {r.choice(VERBS)} {r.choice(OBJECTS)}, "
                 f"{r.choice(ADVERBIALS)}.")
        return upper_first(s)

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.r.randint(3, 7)))


def lower_first(s: str) -> str:
    # keep proper nouns (Sở, Phòng, Luật, Ban, Liên đội …) capitalised; lower generic starts
    generic = ("Học sinh", "Các ", "Giáo viên", "Cha mẹ", "Nhà trường", "Đội viên", "Mỗi ",
               "Nhóm ", "Nhân viên", "Cô ", "Thầy ", "Lớp ", "Tập thể")
    if s.startswith(generic):
        return s[0].lower() + s[1:]
    return s


def upper_first(s: str) -> str:
    return s[0].upper() + s[1:] if s and s[0].islower() else s


# --------------------------------------------------------------------------- articles


class Article:
    __slots__ = ("index", "slug", "title", "date", "tags", "author", "approved_by",
                 "summary", "body_lantoa", "body_hugo", "words", "site")


def make_title(r: random.Random, unit_short: str) -> str:
    pat = r.choice(TITLE_PATTERNS)
    return pat.format(
        unit=unit_short, topic=r.choice(TOPICS), cls=r.choice(CLASSES), k=r.randint(3, 10),
        slogan=r.choice(SLOGANS), w=r.randint(1, 4), m=r.randint(1, 12),
        verb=r.choice(["tìm hiểu", "hưởng ứng", "tuyên truyền về", "học tập", "thực hành"]),
        deed=r.choice(DEEDS), grade=r.randint(6, 9), place=r.choice(PLACES))


def make_body(w: Writer, art_index: int, earlier: list[Article], owner_site: str,
              with_code: bool) -> tuple[str, str, int]:
    """Returns (lantoa markdown, hugo markdown, word count)."""
    r = w.r
    target = r.randint(400, 1200)
    lan: list[str] = []
    hug: list[str] = []
    words = 0

    def add(both: str, hugo: str | None = None):
        nonlocal words
        lan.append(both)
        hug.append(both if hugo is None else hugo)
        words += len(both.split())

    add(w.paragraph())
    headings = r.sample(HEADINGS, k=len(HEADINGS))
    used_table = used_code = used_internal = used_law = False
    h = 0
    while words < target:
        heading = headings[h % len(headings)] if h < len(headings) else f"Phần {h + 1}"
        h += 1
        add(f"## {heading}")
        add(w.paragraph())
        roll = r.random()
        if roll < 0.30:
            ordered = r.random() < 0.4
            items = r.sample(LIST_ITEMS, k=r.randint(3, 6))
            add("\n".join((f"{i + 1}. " if ordered else "- ") + it + ("." if ordered else "")
                          for i, it in enumerate(items)))
        elif roll < 0.42 and not used_table:
            used_table = True
            head, rows = r.choice(TABLE_SPECS)
            nums = {f"n{i}": str(r.randint(80, 320)) for i in range(1, 5)}
            nums.update({f"p{i}": str(r.randint(70, 100)) for i in range(1, 5)})
            rows = r.sample(rows, k=min(len(rows), r.randint(3, 6)))
            lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            lines += ["| " + " | ".join(c.format(**nums) for c in row) + " |" for row in rows]
            add("\n".join(lines))
        elif roll < 0.52:
            sub = r.choice(["Lưu ý", "Ghi nhớ", "Gợi ý"])
            add(f"> **{sub}:** {w.sentence()}")
        if with_code and not used_code and h >= 2:
            used_code = True
            lang, code = r.choice(CODE_BLOCKS)
            add(f"Đoạn mã dưới đây được các em dùng trong giờ thực hành:\n\n```{lang}\n{code}```")
        # links, woven into a paragraph
        if not used_internal and earlier and r.random() < 0.35:
            used_internal = True
            t = r.choice(earlier[-200:])
            lan_target = f"@/sites/{t.site}/articles/{t.date:%Y-%m-%d}-{t.slug}.md"
            hugo_target = f'{{{{< ref "posts/{t.slug}.md" >}}}}'
            text = f"Xem thêm bài [{t.title}]"
            tail = w.sentence()
            add(f"{text}({lan_target}) để biết thêm chi tiết. {tail}",
                f"{text}({hugo_target}) để biết thêm chi tiết. {tail}")
        elif not used_law and r.random() < 0.25:
            used_law = True
            target_law, url, text = r.choice(LAW_LINKS)
            s = w.sentence()
            add(f"Theo [{text}]({target_law}), {lower_first(s)}",
                f"Theo [{text}]({url}), {lower_first(s)}")
        elif r.random() < 0.15:
            url, text = r.choice(EXTERNAL_LINKS)
            add(f"Thông tin chi tiết được đăng tải tại [{text}]({url}). {w.sentence()}")
    if with_code and not used_code:
        lang, code = r.choice(CODE_BLOCKS)
        add(f"```{lang}\n{code}```")
    add(f"*{r.choice(PEOPLE)} – Ban Biên tập*")
    return "\n\n".join(lan) + "\n", "\n\n".join(hug) + "\n", words


# --------------------------------------------------------------------------- sites


def plan_sites(n_sites: int) -> list[dict]:
    sites = [{
        "id": "so-gddt-quang-ninh", "name": "Sở Giáo dục và Đào tạo tỉnh Quảng Ninh",
        "short": "Sở GD&ĐT Quảng Ninh", "kind": "department", "parent": None,
    }]
    if n_sites > 1:
        sites.append({
            "id": "phong-gddt-mong-cai", "name": "Phòng Giáo dục và Đào tạo thành phố Móng Cái",
            "short": "Phòng GD&ĐT Móng Cái", "kind": "office", "parent": "so-gddt-quang-ninh",
        })
    places = list(PLACES)
    for i in range(max(0, n_sites - 2)):
        place = places[i % len(places)]
        suffix = "" if i < len(places) else f" {i // len(places) + 1}"
        name = f"Trường THCS {place}{suffix}"
        sites.append({
            "id": slugify(f"thcs {place}{suffix}"), "name": name, "short": f"THCS {place}{suffix}",
            "kind": "school", "level": "thcs", "parent": "phong-gddt-mong-cai",
        })
    return sites


def plan_province(offices: int = 10, schools: int = 500) -> list[dict]:
    """The province of the issue: a department, `offices` district offices, `schools` THCS
    schools dealt to the offices in turn."""
    sites = plan_sites(1)
    places = list(PLACES)
    for o in range(offices):
        place = places[o % len(places)]
        sites.append({
            "id": slugify(f"phong gddt {place}"), "name": f"Phòng Giáo dục và Đào tạo {place}",
            "short": f"Phòng GD&ĐT {place}", "kind": "office", "parent": "so-gddt-quang-ninh",
        })
    office_ids = [s["id"] for s in sites[1:]]
    for i in range(schools):
        place = places[i % len(places)]
        suffix = "" if i < len(places) else f" {i // len(places) + 1}"
        sites.append({
            "id": slugify(f"thcs {place}{suffix}"), "name": f"Trường THCS {place}{suffix}",
            "short": f"THCS {place}{suffix}", "kind": "school", "level": "thcs",
            "parent": office_ids[i % len(office_ids)],
        })
    return sites


def site_yaml(s: dict, i: int) -> str:
    lines = [f"# Đơn vị trong bộ dữ liệu thử (dữ liệu minh họa).",
             f"name: {q(s['name'])}", f"short_name: {q(s['short'])}", f"kind: {s['kind']}"]
    if s.get("level"):
        lines.append(f"level: {s['level']}")
    if s["parent"]:
        lines.append(f"parent: {s['parent']}")
    lines += [
        f"address: {q(s['short'] + ', tỉnh Quảng Ninh (địa chỉ minh họa)')}",
        f'phone: "0200 000 {i:03d}"',
        f'hotline: "0200 001 {i:03d}"',
        f'email: "bbt@{s["id"].replace("-", "")}.example.edu.vn"',
        f'fanpage: "https://facebook.example.com/{s["id"].replace("-", "")}"',
        "editorial_board:",
        f'  - {{name: {q(PEOPLE[i % len(PEOPLE)])}, role: "Trưởng ban"}}',
        f'  - {{name: {q(PEOPLE[(i + 5) % len(PEOPLE)])}, role: "Phó Trưởng ban"}}',
        f'  - {{name: {q(PEOPLE[(i + 9) % len(PEOPLE)])}, role: "Thành viên"}}',
        'colors: {primary: "#0b5394", accent: "#8a1c1c"}',
    ]
    return "\n".join(lines) + "\n"


NETWORK_YAML = """\
# Mạng lưới thử cho benchmark (bench/gen_corpus.py).
name: "Mô hình Sử dụng mạng xã hội an toàn"
language: vi
theme: default
base_url: "https://{site}.example.edu.vn/"
require_approval: true
paginate: 10
quotas:
  school:     [{per: week, min: 1}]
  office:     [{per: week, min: 3}]
  department: [{per: week, min: 4}]
key_dates:
  - {date: "09-05", title: "Lễ khai giảng năm học mới"}
  - {date: "11-09", title: "Ngày Pháp luật Việt Nam"}
  - {date: "11-20", title: "Ngày Nhà giáo Việt Nam"}
paths: {articles: bai-viet, stories: guong-nguoi-tot-viec-tot, primers: phap-luat,
        contests: cuoc-thi, calendar: lich-dang-bai, search: tim-kiem, tags: the}
"""

# --------------------------------------------------------------------------- Hugo site

HUGO_CONFIG = """\
# Hugo twin of the lantoa benchmark corpus (bench/gen_corpus.py). Same articles, templates
# that render the same things: home (20 latest), single pages, the posts list paginated by 10,
# tag list and tag pages (paginated by 10), an Atom feed of the 20 newest with full content,
# sitemap, robots.txt, 404. No RSS per section/term (lantoa writes one feed per site).
baseURL: "https://so-gddt-quang-ninh.example.edu.vn/"
languageCode: vi
defaultContentLanguage: vi
title: "Sở Giáo dục và Đào tạo tỉnh Quảng Ninh"
pagination:
  pagerSize: 10
  path: trang
enableRobotsTXT: true
removePathAccents: true
disableKinds: []
taxonomies:
  tag: tags
permalinks:
  posts: /bai-viet/:filename/
  tags: /the/:slug/
mediaTypes:
  application/atom+xml:
    suffixes: [xml]
outputFormats:
  Atom:
    mediaType: application/atom+xml
    baseName: feed
    rel: alternate
    isPlainText: false
outputs:
  home: [HTML, Atom]
  section: [HTML]
  taxonomy: [HTML]
  term: [HTML]
markup:
  highlight:
    noClasses: false
  goldmark:
    renderer:
      unsafe: false
params:
  network: "Mô hình Sử dụng mạng xã hội an toàn"
  hotline: "0200 001 000"
  email: "bbt@sogddtquangninh.example.edu.vn"
  address: "Sở GD&ĐT Quảng Ninh, tỉnh Quảng Ninh (địa chỉ minh họa)"
  editorial_board:
    - {name: "Cô Nguyễn Thị Hoa", role: "Trưởng ban"}
    - {name: "Thầy Lý Văn Dũng", role: "Phó Trưởng ban"}
    - {name: "Cô Phan Thị Hương", role: "Thành viên"}
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ if .IsPage }}{{ .Summary | plainify | truncate 200 }}{{ else }}{{ site.Title }} – {{ site.Params.network }}{{ end }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:locale" content="vi_VN">
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{ .Title }}">
{{- if .IsPage }}
<meta property="article:published_time" content="{{ .Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}">
{{- with .Params.author }}
<meta property="article:author" content="{{ . }}">
{{- end }}
{{- range .Params.tags }}
<meta property="article:tag" content="{{ . }}">
{{- end }}
{{- end }}
<link rel="icon" href="{{ "favicon.svg" | relURL }}" type="image/svg+xml">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
<link rel="stylesheet" href="{{ "syntax.css" | relURL }}">
<link rel="alternate" type="application/atom+xml" title="{{ site.Title }}" href="{{ "feed.xml" | relURL }}">
<style>:root{--primary:#0b5394;--accent:#8a1c1c;}</style>
</head>
<body class="has-hotline">
<a class="skip-link" href="#noi-dung">Bỏ qua đến nội dung chính</a>
<header class="site-header">
  <div class="wrap brand"><a class="brand-link" href="{{ "" | relURL }}">
    <img class="brand-logo" src="{{ "logo.svg" | relURL }}" alt="" width="64" height="64">
    <span class="brand-text"><span class="brand-name">{{ site.Title }}</span></span></a></div>
  <nav class="main-nav" aria-label="Menu chính">
    <ul class="wrap">
      <li><a href="{{ "" | relURL }}"{{ if .IsHome }} aria-current="page"{{ end }}>Trang chủ</a></li>
      <li><a href="{{ "posts/" | relURL }}">Tin tức - Sự kiện</a></li>
      <li><a href="{{ "tags/" | relURL }}">Chủ đề</a></li>
    </ul>
  </nav>
</header>
<main id="noi-dung" tabindex="-1">
  <div class="wrap">
  {{- block "main" . }}{{ end }}
  </div>
</main>
<footer class="site-footer">
  <div class="wrap footer-grid">
    <section class="footer-contact" aria-labelledby="footer-site">
      <h2 id="footer-site">{{ site.Title }}</h2>
      <dl class="contact-list">
        <div><dt>Địa chỉ</dt><dd>{{ site.Params.address }}</dd></div>
        <div><dt>Đường dây nóng</dt><dd><a class="footer-hotline" href="tel:{{ replace site.Params.hotline " " "" }}">{{ site.Params.hotline }}</a></dd></div>
        <div><dt>Thư điện tử</dt><dd><a href="mailto:{{ site.Params.email }}">{{ site.Params.email }}</a></dd></div>
      </dl>
    </section>
    <section class="footer-board" aria-labelledby="footer-board">
      <h2 id="footer-board">Ban Biên tập</h2>
      <ul>
        {{- range site.Params.editorial_board }}
        <li><span class="board-role">{{ .role }}:</span> {{ .name }}</li>
        {{- end }}
      </ul>
    </section>
  </div>
  <div class="wrap footer-bottom">
    <p>© {{ now.Year }} {{ site.Title }} · {{ site.Params.network }}</p>
    <p class="footer-links"><a href="{{ "tags/" | relURL }}">Chủ đề</a> · <a href="{{ "feed.xml" | relURL }}">Theo dõi tin mới (Atom)</a></p>
  </div>
</footer>
<a class="hotline-bar" href="tel:{{ replace site.Params.hotline " " "" }}"><span class="hotline-label">Đường dây nóng</span> <strong>{{ site.Params.hotline }}</strong></a>
</body>
</html>
""",
    "partials/card.html": """\
<article class="card card-article">
  <div class="card-body">
    <h2 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
    <p class="card-meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}">{{ .Date.Format "02/01/2006" }}</time></p>
    <p class="card-summary">{{ .Summary | plainify | truncate 240 }}</p>
    <p class="card-more"><a href="{{ .RelPermalink }}">Đọc tiếp<span class="visually-hidden">: {{ .Title }}</span></a></p>
  </div>
</article>
""",
    "partials/pager.html": """\
{{- $p := .Paginator }}
{{- if gt $p.TotalPages 1 }}
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{- if $p.HasPrev }}
    <li class="pager-prev"><a rel="prev" href="{{ $p.Prev.URL }}"><span aria-hidden="true">‹ </span>Trang trước</a></li>
    {{- end }}
    {{- /* lantoa's window: the first, the last and the two on each side of the current one */}}
    {{- $cur := $p.PageNumber }}
    {{- $last := $p.TotalPages }}
    {{- $nums := slice 1 }}
    {{- $lo := sub $cur 2 }}{{ if lt $lo 2 }}{{ $lo = 2 }}{{ end }}
    {{- $hi := add $cur 2 }}{{ if gt $hi (sub $last 1) }}{{ $hi = sub $last 1 }}{{ end }}
    {{- if le $lo $hi }}{{ range seq $lo $hi }}{{ $nums = $nums | append . }}{{ end }}{{ end }}
    {{- $nums = $nums | append $last }}
    {{- range $nums }}
    {{- $pg := index $p.Pagers (sub . 1) }}
    <li><a href="{{ $pg.URL }}"{{ if eq . $cur }} aria-current="page"{{ end }}><span class="visually-hidden">Trang </span>{{ . }}</a></li>
    {{- end }}
    {{- if $p.HasNext }}
    <li class="pager-next"><a rel="next" href="{{ $p.Next.URL }}">Trang sau<span aria-hidden="true"> ›</span></a></li>
    {{- end }}
  </ul>
</nav>
{{- end }}
""",
    "index.html": """\
{{ define "main" }}
<section class="hero">
  <h1>{{ site.Title }}</h1>
  <p class="hero-tagline">{{ site.Params.network }}</p>
</section>
<section class="home-section" aria-labelledby="home-articles">
  <div class="section-head">
    <h2 id="home-articles">Tin mới nhất</h2>
    <a class="see-more" href="{{ "posts/" | relURL }}">Xem thêm</a>
  </div>
  <div class="cards">
  {{- range first 20 (where site.RegularPages "Section" "posts").ByDate.Reverse }}
  {{ partial "card.html" . }}
  {{- end }}
  </div>
</section>
{{ end }}
""",
    "_default/single.html": """\
{{ define "main" }}
<div class="single">
<nav class="breadcrumb" aria-label="Đường dẫn"><ol>
  <li><a href="{{ "" | relURL }}">Trang chủ</a></li>
  <li><a href="{{ "posts/" | relURL }}">Tin tức - Sự kiện</a></li>
</ol></nav>
<article class="entry entry-article">
  <header class="entry-header">
    <h1>{{ .Title }}</h1>
    <p class="entry-meta">
      <span>Đăng ngày: <time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}">{{ .Date.Format "02/01/2006 15:04" }}</time></span>
      {{- with .Params.author }}
      <span>Tác giả: <strong>{{ . }}</strong></span>
      {{- end }}
    </p>
  </header>
  <div class="prose">
{{ .Content }}
  </div>
  {{- with .GetTerms "tags" }}
  <footer class="entry-footer">
    <div class="tags">
      <h2 class="tags-title">Chủ đề</h2>
      <ul class="tag-list">
        {{- range . }}
        <li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
        {{- end }}
      </ul>
    </div>
  </footer>
  {{- end }}
</article>
</div>
{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}
<nav class="breadcrumb" aria-label="Đường dẫn"><ol>
  <li><a href="{{ "" | relURL }}">Trang chủ</a></li>
  <li><a href="{{ .RelPermalink }}" aria-current="page">Tin tức - Sự kiện</a></li>
</ol></nav>
<header class="list-header">
  <h1>Tin tức - Sự kiện</h1>
  {{- if gt .Paginator.TotalPages 1 }}
  <p class="list-meta">Trang {{ .Paginator.PageNumber }}/{{ .Paginator.TotalPages }}</p>
  {{- end }}
</header>
<div class="cards">
{{- range .Paginator.Pages }}
{{ partial "card.html" . }}
{{- end }}
</div>
{{ partial "pager.html" . }}
{{ end }}
""",
    "_default/terms.html": """\
{{ define "main" }}
<nav class="breadcrumb" aria-label="Đường dẫn"><ol>
  <li><a href="{{ "" | relURL }}">Trang chủ</a></li>
  <li><a href="{{ .RelPermalink }}" aria-current="page">Chủ đề</a></li>
</ol></nav>
<h1>Chủ đề</h1>
<ul class="tag-cloud">
  {{- range .Data.Terms.Alphabetical }}
  <li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }} <span class="tag-count">({{ .Count }}<span class="visually-hidden"> bài viết</span>)</span></a></li>
  {{- end }}
</ul>
{{ end }}
""",
    "_default/term.html": """\
{{ define "main" }}
<nav class="breadcrumb" aria-label="Đường dẫn"><ol>
  <li><a href="{{ "" | relURL }}">Trang chủ</a></li>
  <li><a href="{{ "tags/" | relURL }}">Chủ đề</a></li>
  <li><a href="{{ .RelPermalink }}" aria-current="page">{{ .Title }}</a></li>
</ol></nav>
<header class="list-header">
  <h1><span class="list-kicker">Chủ đề:</span> {{ .Title }}</h1>
  {{- if gt .Paginator.TotalPages 1 }}
  <p class="list-meta">Trang {{ .Paginator.PageNumber }}/{{ .Paginator.TotalPages }}</p>
  {{- end }}
</header>
<div class="cards">
{{- range .Paginator.Pages }}
{{ partial "card.html" . }}
{{- end }}
</div>
{{ partial "pager.html" . }}
{{ end }}
""",
    "404.html": """\
{{ define "main" }}
<section class="not-found">
  <p class="not-found-code" aria-hidden="true">404</p>
  <h1>Không tìm thấy trang</h1>
  <p>Trang bạn tìm không tồn tại hoặc đã được chuyển đi.</p>
  <p><a class="button" href="{{ "" | relURL }}">Về trang chủ</a></p>
</section>
{{ end }}
""",
    "index.atom.xml": """\
{{- $pages := first 20 (where site.RegularPages "Section" "posts").ByDate.Reverse -}}
{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <id>{{ "feed.xml" | absURL }}</id>
  <title>{{ site.Title }}</title>
  <updated>{{ (index $pages 0).Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</updated>
  <link rel="self" type="application/atom+xml" href="{{ "feed.xml" | absURL }}"/>
  <link rel="alternate" type="text/html" href="{{ site.BaseURL }}"/>
  <author><name>{{ site.Title }}</name><email>{{ site.Params.email }}</email><uri>{{ site.BaseURL }}</uri></author>
  <generator>Hugo</generator>
  {{- range $pages }}
  <entry>
    <id>{{ .Permalink }}</id>
    <title>{{ .Title }}</title>
    <published>{{ .Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</published>
    <updated>{{ .Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</updated>
    <link rel="alternate" type="text/html" href="{{ .Permalink }}"/>
    {{- with .Params.author }}
    <author><name>{{ . }}</name></author>
    {{- end }}
    {{- range .Params.tags }}
    <category term="{{ . }}"/>
    {{- end }}
    <summary>{{ .Summary | plainify }}</summary>
    <content type="html" xml:base="{{ .Permalink }}">{{ .Content | html }}</content>
  </entry>
  {{- end }}
</feed>
""",
    "sitemap.xml": """\
{{- printf "<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>" | safeHTML }}
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{- range .Data.Pages }}
  <url>
    <loc>{{ .Permalink }}</loc>
    {{- if .IsPage }}
    <lastmod>{{ .Lastmod.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</lastmod>
    {{- end }}
  </url>
{{- end }}
</urlset>
""",
}

# --------------------------------------------------------------------------- main


def generate(args: argparse.Namespace) -> None:
    out = Path(args.out).resolve()
    lan_root, hugo_root = out / "lantoa", out / "hugo"
    for d in (lan_root, hugo_root):
        if d.exists():
            shutil.rmtree(d)
    r = random.Random(args.seed)
    w = Writer(r)
    sites = plan_province(args.offices, args.schools) if args.province else plan_sites(args.sites)
    content = lan_root / "content"
    (content / "sites").mkdir(parents=True)
    (content / "network.yaml").write_text(NETWORK_YAML, encoding="utf-8")
    (content / "laws.yaml").write_text(LAWS_YAML, encoding="utf-8")
    for i, s in enumerate(sites):
        d = content / "sites" / s["id"]
        (d / "articles").mkdir(parents=True)
        (d / "site.yaml").write_text(site_yaml(s, i), encoding="utf-8")
    shutil.copytree(REPO / "themes", lan_root / "themes")

    # Article owners: with --shared (or a single site) the department holds them all.
    # --province: the department's --articles, shared down, then --school-articles per school.
    if args.province:
        schools = [s for s in sites if s["kind"] == "school"]
        owners = [sites[0]] * args.articles + [
            s for s in schools for _ in range(args.school_articles)]
        args.articles = len(owners)
    elif args.shared or len(sites) == 1:
        owners = [sites[0]] * args.articles
    else:
        owners = [sites[i % len(sites)] for i in range(args.articles)]
    shared_down = (args.shared and len(sites) > 1) or args.province

    # Dates: spread over the year before --now, oldest first (links point to earlier articles).
    span = 365 * 86400 - 86400
    starts = sorted(r.randint(0, span) for _ in range(args.articles))
    code_at = set(r.sample(range(args.articles), k=max(1, round(args.articles * 0.05))))

    hugo_posts = hugo_root / "content" / "posts"
    hugo_posts.mkdir(parents=True)
    for rel, text in HUGO_LAYOUTS.items():
        p = hugo_root / "layouts" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (hugo_root / "hugo.yaml").write_text(HUGO_CONFIG, encoding="utf-8")
    # Hugo before 0.128 (Debian's 0.111) knows the pager's settings by their old names:
    # `hugo --config hugo.yaml,hugo-0.111.yaml`.
    (hugo_root / "hugo-0.111.yaml").write_text("paginate: 10\npaginatePath: trang\n",
                                              encoding="utf-8")
    static = hugo_root / "static"
    static.mkdir()
    for f in ("style.css", "favicon.svg", "logo.svg"):
        shutil.copy(REPO / "themes" / "default" / "static" / f, static / f)
    (hugo_root / "content" / "posts" / "_index.md").write_text(
        '---\ntitle: "Tin tức - Sự kiện"\n---\n', encoding="utf-8")

    seen: dict[str, int] = {}
    earlier: list[Article] = []
    total_words = 0
    for i in range(args.articles):
        owner = owners[i]
        a = Article()
        a.index = i
        a.site = owner["id"]
        a.title = make_title(r, owner["short"])
        base = slugify(a.title)[:60].rstrip("-")
        n = seen.get(base, 0) + 1
        seen[base] = n
        a.slug = base if n == 1 else f"{base}-{n}"
        t = NOW - dt.timedelta(days=365) + dt.timedelta(seconds=starts[i])
        # editors post between 06:30 and 21:55, on 5-minute marks
        a.date = t.replace(hour=r.randint(6, 21), minute=r.choice(range(0, 60, 5)), second=0)
        if a.date.hour == 6 and a.date.minute < 30:
            a.date = a.date.replace(minute=30)
        if a.date >= NOW:
            a.date = NOW - dt.timedelta(hours=1, minutes=r.randint(0, 600))
        a.tags = r.sample(TAGS, k=r.randint(2, 4))
        a.author = r.choice(PEOPLE)
        a.approved_by = f"{r.choice(PEOPLE)} ({r.choice(['Hiệu trưởng', 'Phó Hiệu trưởng', 'Trưởng ban Biên tập'])})"
        a.summary = w.sentence() if r.random() < 0.5 else None
        linkable = earlier if not args.province else [
            e for e in earlier[-400:] if e.site in (owner["id"], sites[0]["id"])]
        a.body_lantoa, a.body_hugo, a.words = make_body(w, i, linkable, owner["id"], i in code_at)
        total_words += a.words

        fm = [
            "---",
            f"title: {q(a.title)}",
            f"date: {a.date:%Y-%m-%d %H:%M}",
        ]
        if a.summary:
            fm.append(f"summary: {q(a.summary)}")
        fm += [
            f"author: {q(a.author)}",
            "tags: [" + ", ".join(q(t) for t in a.tags) + "]",
            "status: approved",
            f"approved_by: {q(a.approved_by)}",
        ]
        if shared_down and owner is sites[0]:
            fm.append("share: down")
        fm.append("---")
        path = content / "sites" / a.site / "articles" / f"{a.date:%Y-%m-%d}-{a.slug}.md"
        path.write_text("\n".join(fm) + "\n\n" + a.body_lantoa, encoding="utf-8")

        hfm = [
            "---",
            f"title: {q(a.title)}",
            f"date: {a.date:%Y-%m-%dT%H:%M:00}{TZ}",
        ]
        if a.summary:
            hfm.append(f"summary: {q(a.summary)}")
        hfm += [
            f"author: {q(a.author)}",
            "tags: [" + ", ".join(q(t) for t in a.tags) + "]",
            "---",
        ]
        if not args.no_hugo:
            (hugo_posts / f"{a.slug}.md").write_text("\n".join(hfm) + "\n\n" + a.body_hugo,
                                                 encoding="utf-8")
        earlier.append(a)
        # only the body text and index are needed later for links
        a.body_lantoa = a.body_hugo = ""

    print(f"gen_corpus: {args.articles} bài, {len(sites)} trang web, "
          f"{total_words} từ (trung bình {total_words // max(1, args.articles)}), "
          f"{len(code_at)} bài có khối mã → {out}", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--sites", type=int, default=1, help="number of sites S (default 1)")
    p.add_argument("--articles", type=int, default=1000, help="number of articles N")
    p.add_argument("--shared", action="store_true",
                   help="the department owns every article with share: down (S > 1)")
    p.add_argument("--province", action="store_true",
                   help="a department sharing --articles down, --offices offices, --schools "
                        "schools with --school-articles each (overrides --sites, --shared)")
    p.add_argument("--offices", type=int, default=10)
    p.add_argument("--schools", type=int, default=500)
    p.add_argument("--school-articles", type=int, default=20)
    p.add_argument("--no-hugo", action="store_true", help="write the lantoa project only")
    p.add_argument("--out", required=True, help="output folder (gets lantoa/ and hugo/)")
    args = p.parse_args(argv)
    if args.sites < 1 or args.articles < 1:
        p.error("--sites and --articles must be at least 1")
    generate(args)


if __name__ == "__main__":
    main()
