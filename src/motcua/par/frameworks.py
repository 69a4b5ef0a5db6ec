"""A ward-level PAR framework with the eight national domains (example data for the demo and
a starting point for a real year's framework: the points follow the usual weight of each
domain and are to be replaced by the year's official framework)."""

from __future__ import annotations


def _c(code, title, points, guidance="", evidence="", **flags):
    return {
        "code": code,
        "title": title,
        "points": points,
        "guidance": guidance,
        "evidence": evidence,
        **flags,
    }


WARD_FRAMEWORK = [
    {
        "code": "1",
        "title": "Công tác chỉ đạo, điều hành cải cách hành chính",
        "children": [
            {
                "code": "1.1",
                "title": "Kế hoạch cải cách hành chính năm",
                "children": [
                    _c(
                        "1.1.1",
                        "Ban hành kế hoạch CCHC năm kịp thời",
                        1,
                        "Ban hành trước ngày 31/12 năm trước: 1 điểm; sau thời hạn: 0,5 điểm; không ban hành: 0.",
                        "Kế hoạch CCHC năm đã ký ban hành",
                    ),
                    _c(
                        "1.1.2",
                        "Mức độ hoàn thành kế hoạch CCHC",
                        1,
                        "Hoàn thành 100% nhiệm vụ: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0.",
                        "Báo cáo kết quả thực hiện kế hoạch",
                    ),
                ],
            },
            _c(
                "1.2",
                "Báo cáo CCHC định kỳ đầy đủ, đúng hạn",
                1,
                "Đủ và đúng hạn các báo cáo quý, 6 tháng, năm: 1 điểm; có báo cáo trễ: 0,5; thiếu: 0.",
                "Các báo cáo đã gửi kèm ngày gửi",
            ),
            _c(
                "1.3",
                "Kiểm tra công tác CCHC đối với các bộ phận trực thuộc",
                1.5,
                "Kiểm tra theo kế hoạch và xử lý sau kiểm tra: 1,5 điểm.",
                "Kế hoạch, biên bản kiểm tra",
            ),
            _c(
                "1.4",
                "Tuyên truyền cải cách hành chính",
                2,
                "Do Ủy ban MTTQ chấm: nội dung, hình thức và mức độ lan tỏa của công tác tuyên truyền CCHC trong nhân dân.",
                "Kế hoạch tuyên truyền, hình ảnh, số liệu hội nghị, bản tin",
                front=True,
            ),
            _c(
                "1.5",
                "Sáng kiến, mô hình mới trong cải cách hành chính",
                1.5,
                "Có sáng kiến được công nhận: 1,5 điểm; có mô hình mới triển khai: 1 điểm.",
                "Quyết định công nhận sáng kiến",
            ),
            _c(
                "1.6",
                "Thực hiện nhiệm vụ cấp trên giao về CCHC",
                2,
                "Hoàn thành đúng hạn tất cả nhiệm vụ: 2 điểm; mỗi nhiệm vụ trễ hạn trừ 0,5 điểm.",
                "Bảng theo dõi nhiệm vụ được giao",
            ),
        ],
    },
    {
        "code": "2",
        "title": "Xây dựng và tổ chức thực hiện thể chế",
        "children": [
            _c(
                "2.1",
                "Ban hành văn bản quy phạm pháp luật đúng thẩm quyền, trình tự",
                2.5,
                "Không có văn bản bị kiến nghị xử lý: 2,5 điểm.",
                "Danh mục văn bản đã ban hành",
            ),
            _c(
                "2.2",
                "Rà soát, hệ thống hóa văn bản",
                1.5,
                "Thực hiện đúng kế hoạch: 1,5 điểm.",
                "Báo cáo kết quả rà soát",
            ),
            _c(
                "2.3",
                "Tổ chức thi hành và kiểm tra việc thi hành pháp luật",
                2,
                "Có kế hoạch và báo cáo theo dõi thi hành pháp luật: 2 điểm.",
                "Kế hoạch, báo cáo",
            ),
            _c(
                "2.4",
                "Lấy ý kiến nhân dân và phản biện xã hội đối với dự thảo văn bản",
                2,
                "Do Ủy ban MTTQ chấm: dự thảo được đưa ra lấy ý kiến, phản biện xã hội đúng quy định và ý kiến được tiếp thu, giải trình.",
                "Văn bản lấy ý kiến, báo cáo tiếp thu giải trình",
                front=True,
            ),
        ],
    },
    {
        "code": "3",
        "title": "Cải cách thủ tục hành chính",
        "children": [
            _c(
                "3.1",
                "Công khai thủ tục hành chính đầy đủ, đúng quy định",
                2,
                "Công khai 100% TTHC tại Bộ phận Một cửa và trên Cổng: 2 điểm.",
                "Ảnh chụp nơi niêm yết, đường dẫn",
            ),
            {
                "code": "3.2",
                "title": "Thực hiện cơ chế một cửa, một cửa liên thông",
                "children": [
                    _c(
                        "3.2.1",
                        "Tiếp nhận, trả kết quả tập trung tại Bộ phận Một cửa",
                        1.5,
                        "100% TTHC tiếp nhận tại Bộ phận Một cửa: 1,5 điểm.",
                        "Sổ theo dõi hồ sơ",
                    ),
                    _c(
                        "3.2.2",
                        "Tỷ lệ hồ sơ giải quyết đúng hạn",
                        1.5,
                        "Từ 98% trở lên: 1,5 điểm; từ 95% đến dưới 98%: 1 điểm; dưới 95%: 0.",
                        "Số liệu trên hệ thống Một Cửa",
                    ),
                ],
            },
            _c(
                "3.3",
                "Xin lỗi người dân khi giải quyết hồ sơ trễ hạn",
                1,
                "100% hồ sơ trễ hạn có phiếu xin lỗi: 1 điểm.",
                "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
            ),
            _c(
                "3.4",
                "Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính",
                2,
                "Xử lý đúng hạn 100% phản ánh, kiến nghị: 2 điểm.",
                "Sổ theo dõi phản ánh, kiến nghị",
            ),
            _c(
                "3.5",
                "Tiếp công dân, giải quyết khiếu nại, tố cáo",
                3,
                "Do Ủy ban MTTQ chấm qua giám sát: lịch tiếp công dân, tỷ lệ giải quyết đúng hạn, sự tham gia của Mặt trận.",
                "Sổ tiếp công dân, báo cáo giải quyết khiếu nại, tố cáo",
                front=True,
            ),
            _c(
                "3.6",
                "Rà soát, đơn giản hóa thủ tục hành chính",
                2,
                "Có phương án đơn giản hóa được cấp trên chấp thuận: 2 điểm.",
                "Phương án đơn giản hóa",
            ),
            _c(
                "3.7",
                "Đánh giá chất lượng giải quyết TTHC theo Thông tư 01/2018/TT-VPCP",
                3,
                "Điểm đánh giá bình quân năm xếp loại xuất sắc: 3; tốt: 2; khá: 1.",
                "Kết quả đánh giá trên hệ thống Một Cửa",
            ),
        ],
    },
    {
        "code": "4",
        "title": "Cải cách tổ chức bộ máy hành chính",
        "children": [
            _c(
                "4.1",
                "Thực hiện quy định về chức năng, nhiệm vụ, tổ chức bộ máy",
                2.5,
                "Đúng quy định: 2,5 điểm.",
                "Quyết định quy định chức năng, nhiệm vụ",
            ),
            _c(
                "4.2",
                "Thực hiện phân cấp, ủy quyền",
                2,
                "Thực hiện đầy đủ nhiệm vụ được phân cấp: 2 điểm.",
                "Báo cáo thực hiện phân cấp",
            ),
            _c(
                "4.3",
                "Quản lý biên chế, tinh giản biên chế",
                2,
                "Không vượt biên chế được giao: 2 điểm.",
                "Báo cáo biên chế",
            ),
            _c(
                "4.4",
                "Kiện toàn tổ chức sau sắp xếp đơn vị hành chính",
                1.5,
                "Hoàn thành kiện toàn đúng thời hạn: 1,5 điểm.",
                "Quyết định kiện toàn",
            ),
        ],
    },
    {
        "code": "5",
        "title": "Cải cách chế độ công vụ",
        "children": [
            _c(
                "5.1",
                "Vị trí việc làm và cơ cấu ngạch công chức",
                2,
                "Được phê duyệt và thực hiện đúng: 2 điểm.",
                "Đề án vị trí việc làm",
            ),
            _c(
                "5.2",
                "Tuyển dụng, bố trí, sử dụng công chức đúng quy định",
                2,
                "Đúng quy định: 2 điểm.",
                "Hồ sơ tuyển dụng, quyết định bố trí",
            ),
            _c(
                "5.3",
                "Đánh giá, xếp loại công chức",
                2,
                "Đánh giá đúng quy trình, thời hạn: 2 điểm.",
                "Kết quả đánh giá, xếp loại",
            ),
            _c(
                "5.4",
                "Đào tạo, bồi dưỡng công chức",
                2,
                "Hoàn thành kế hoạch đào tạo: 2 điểm.",
                "Kế hoạch, danh sách học viên",
            ),
            _c(
                "5.5",
                "Kỷ luật, kỷ cương hành chính",
                2,
                "Không có công chức bị kỷ luật: 2 điểm.",
                "Báo cáo công tác kỷ luật",
            ),
            _c(
                "5.6",
                "Giám sát đạo đức, văn hóa công vụ của cán bộ, công chức",
                2,
                "Do Ủy ban MTTQ chấm: kết quả giám sát, phản ánh của nhân dân về thái độ, trách nhiệm của cán bộ, công chức.",
                "Báo cáo giám sát của Ủy ban MTTQ",
                front=True,
            ),
        ],
    },
    {
        "code": "6",
        "title": "Cải cách tài chính công",
        "children": [
            _c(
                "6.1",
                "Quản lý, sử dụng ngân sách đúng quy định",
                3,
                "Không có sai phạm qua kiểm tra: 3 điểm.",
                "Báo cáo quyết toán",
            ),
            _c(
                "6.2",
                "Công khai ngân sách",
                2,
                "Công khai đầy đủ, đúng hạn: 2 điểm.",
                "Văn bản công khai",
            ),
            _c(
                "6.3",
                "Quản lý, sử dụng tài sản công",
                1.5,
                "Đúng quy định: 1,5 điểm.",
                "Sổ theo dõi tài sản",
            ),
            _c(
                "6.4",
                "Thực hành tiết kiệm, chống lãng phí",
                1.5,
                "Có chương trình và báo cáo kết quả: 1,5 điểm.",
                "Chương trình, báo cáo",
            ),
        ],
    },
    {
        "code": "7",
        "title": "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        "children": [
            _c(
                "7.1",
                "Quản lý văn bản, điều hành và chữ ký số",
                3,
                "100% văn bản đi được ký số và gửi trên môi trường mạng: 3 điểm.",
                "Số liệu hệ thống quản lý văn bản",
            ),
            _c(
                "7.2",
                "Cung cấp dịch vụ công trực tuyến toàn trình",
                3,
                "Tỷ lệ TTHC đủ điều kiện được cung cấp toàn trình: 100%: 3 điểm.",
                "Danh mục dịch vụ công trực tuyến",
            ),
            _c(
                "7.3",
                "Tỷ lệ hồ sơ nộp trực tuyến",
                2,
                "Từ 50% trở lên: 2 điểm; từ 30% đến dưới 50%: 1 điểm.",
                "Số liệu trên hệ thống Một Cửa",
            ),
            _c(
                "7.4",
                "Số hóa hồ sơ, kết quả giải quyết TTHC",
                3,
                "Số hóa 100% hồ sơ khi tiếp nhận: 3 điểm.",
                "Số liệu trên hệ thống Một Cửa",
            ),
            _c(
                "7.5",
                "Thanh toán trực tuyến",
                1.5,
                "Có phát sinh thanh toán trực tuyến: 1,5 điểm.",
                "Số liệu thanh toán",
            ),
            _c(
                "7.6",
                "Cổng thông tin điện tử cập nhật đầy đủ, kịp thời",
                1.5,
                "Cập nhật hằng tuần: 1,5 điểm.",
                "Đường dẫn cổng thông tin",
            ),
        ],
    },
    {
        "code": "8",
        "title": "Tác động của cải cách hành chính",
        "children": [
            _c(
                "8.1",
                "Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính",
                16,
                "Tự động: điểm tối đa × chỉ số hài lòng (SIPAS) của năm; khi chưa có khảo sát, dùng tỷ lệ đánh giá hài lòng trên từng hồ sơ.",
                "",
                survey=True,
            ),
            _c(
                "8.2",
                "Tác động đến phát triển kinh tế - xã hội của địa phương",
                4,
                "Hoàn thành các chỉ tiêu kinh tế - xã hội do Hội đồng nhân dân giao: 4 điểm.",
                "Báo cáo kinh tế - xã hội năm",
            ),
            _c(
                "8.3",
                "Tác động đến môi trường kinh doanh, thu hút đầu tư",
                4,
                "Số hộ kinh doanh, doanh nghiệp mới tăng so với năm trước: 4 điểm.",
                "Số liệu đăng ký kinh doanh",
            ),
        ],
    },
]
