"""Texts of the demo portal.

The two 2018 articles are the seed pages the product was built from, copied here as they were
published (the second keeps its OCR damage: "y ban", "phi hp"...). The other articles are
written for the demo wards of Ho Chi Minh City in 2025-2026; names, figures and document
numbers in them are examples, not official data.
"""

CATEGORIES = (
    # (slug, name, description, show_on_home)
    ("tin-tuc-su-kien", "Tin tức sự kiện", "Hoạt động của Ủy ban nhân dân phường và các đoàn thể.", True),
    ("cai-cach-hanh-chinh", "Cải cách hành chính", "Cải cách thủ tục hành chính, một cửa, dịch vụ công.", True),
    ("chuyen-doi-so", "Chuyển đổi số", "Chính quyền số, dịch vụ công trực tuyến, kỹ năng số cho người dân.", True),
    ("van-ban", "Văn bản", "Giới thiệu văn bản chỉ đạo, điều hành mới ban hành.", True),
    ("thong-bao", "Thông báo", "Thông báo của Ủy ban nhân dân phường.", True),
)  # fmt: skip

SEED_ONE = {
    "slug": "tang-cuong-cong-tac-thong-tin-tuyen-truyen-cai-cach-hanh-chinh-tren-dia-ban-quan-nam-2018",
    "title": "Tăng cường công tác thông tin, tuyên truyền cải cách hành chính trên địa bàn quận năm 2018",
    "category": "tin-tuc-su-kien",
    "ward": "binhthanh",
    "published": (2018, 9, 24, 16, 40),
    "views": 416,
    "author": "xq",
    "summary": "Ngày 06/3/2018, UBND quận Bình Thạnh ban hành kế hoạch tăng cường công tác thông tin, tuyên truyền cải cách hành chính trên địa bàn quận năm 2018.",
    "paragraphs": [
        "Mục đích là tăng cường hơn nữa công tác thông tin, tuyên truyền nhằm nâng cao nhận thức, trách nhiệm tổ chức thực hiện cải cách hành chính của cán bộ, công chức, viên chức trong quá trình thực thi công vụ, nhiệm vụ; giám sát hoạt động thực thi công vụ, nhiệm vụ của cán bộ, công chức, viên chức. Song song đó, lồng ghép các thông tin, tuyên truyền cải cách hành chính nhà nước với việc tuyên truyền, phổ biến, giáo dục về các chủ trương, chính sách của Đảng, pháp luật của Nhà nước. Đồng thời, tuyên truyền về cải cách hành chính cũng nhằm góp phần nâng cao dân trí, phòng chống tham nhũng trong sự nghiệp công nghiệp hóa, hiện đại hóa.",
        "Có một số nội dung trọng tâm cần tập trung tuyên truyền bao gồm: Phổ biến sâu rộng về tầm quan trọng, ý nghĩa, mục tiêu và tác động của cải cách hành chính đến phát triển kinh tế - xã hội của thành phố, quận. Tập trung triển khai thực hiện các chỉ tiêu cơ bản và nhiệm vụ trọng tâm của kế hoạch thực hiện công tác cải cách hành chính trên địa bàn quận Bình Thạnh năm 2018. Triển khai việc công bố các chỉ số năm 2018 như: Chỉ số cải cách hành chính của năm, chỉ số về sự hài lòng của cá nhân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước. Tiếp tục sử dụng có hiệu quả “Bình Thạnh trực tuyến” trong việc tiếp nhận phản ánh, xử lý vi phạm trật tự đô thị trên địa bàn quận. Tuyên truyền việc triển khai cung cấp các dịch vụ công trực tuyến mức độ 3, 4 đối với các lĩnh vực kinh tế, đô thị, lao động đang thực hiện trên địa bàn quận để tạo điều kiện thuận lợi cho người dân trong việc giao dịch hồ sơ hành chính. Các quan điểm, chủ trương của Đảng, chính sách pháp luật của Nhà nước về cải cách hành chính. Các mô hình, cơ chế đang được triển khai thí điểm, các điển hình tốt trong cải cách hành chính trên địa bàn quận. Quy định của pháp luật về mối quan hệ giữa Nhà nước với Nhân dân; quyền, nghĩa vụ và trách nhiệm của cá nhân, tổ chức trong việc tham gia và giám sát tiến trình cải cách hành chính. Mặt khác, chú ý nêu những kết quả đạt được và những tồn tại, hạn chế, nguyên nhân cũng như tình hình triển khai nhiệm vụ cải cách hành chính trên địa bàn quận.",
        "[ảnh 1]",
        "Các hình thức tuyên truyền bao gồm: Đưa tin, bài viết tuyên truyền cải cách hành chính tại địa bàn quận trên các phương tiện thông tin đại chúng và cổng thông tin điện tử (website). Ngoài ra, còn thông qua việc phát hành tờ gấp, pano, áp phích, bản tin liên quan đến công tác cải cách hành chính và qua tổ chức các lớp tập huấn, bồi dưỡng, quán triệt nội dung, kế hoạch thực hiện công tác cải cách này trên địa bàn quận cho đội ngũ cán bộ, công chức, viên chức. Mặt khác, còn lồng ghép nội dung cải cách hành chính trong các hội nghị tuyên truyền, phổ biến giáo dục pháp luật. Ngoài ra, còn đưa nội dung cải cách hành chính một cách thích hợp vào chương trình đào tạo, bồi dưỡng công chức, viên chức và các cuộc thi tìm hiểu pháp luật về cải cách hành chính trên địa bàn quận.",
        "Có một số giải pháp thực hiện bao gồm: Nâng cao nhận thức, trách nhiệm của các cấp ủy Đảng, lãnh đạo các đoàn thể, người đứng đầu phòng, ban, đơn vị trực thuộc UBND quận về công tác cải cách hành chính. Trước hết sẽ tổ chức hội nghị quán triệt về vai trò, trách nhiệm của người đứng đầu phòng, ban, đơn vị trực thuộc UBND quận và xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính hàng năm gắn với tổ chức triển khai thực hiện kế hoạch một cách nghiêm túc, hiệu quả. Kiện toàn nâng cao chất lượng nguồn nhân lực làm công tác thông tin, tuyên truyền cải cách hành chính, chú ý xây dựng tài liệu tập huấn và tổ chức các lớp tập huấn phù hợp với công tác thông tin, tuyên truyền cải cách hành chính. Cải thiện, nâng cao chất lượng công tác thông tin, tuyên truyền trên bản tin Gia Định, cổng thông tin điện tử quận (website) về công tác kiểm soát thủ tục hành chính, cải cách hành chính. Tổ chức biên soạn, phát hành các loại ấn phẩm thông tin, tuyên truyền về các nội dung của cải cách hành chính. Gắn công tác tuyên truyền cải cách hành chính với công tác thi đua, khen thưởng trong hoạt động của cơ quan, đơn vị.",
        "Thường trực UBND quận yêu cầu thủ trưởng các đơn vị có liên quan, các Chủ tịch UBND phường cần nghiêm túc triển khai thực hiện kế hoạch này.",
    ],
    "images": [
        ("office", "Người dân tra cứu thông tin trên màn hình tìm hiểu quy trình thủ tục hành chính tại bộ phận tiếp nhận và trả kết quả của HĐND và UBND quận. (Ảnh: VM)"),
    ],
}  # fmt: skip

SEED_TWO = {
    "slug": "ke-hoach-phoi-hop-trien-khai-thuc-hien-cong-tac-cai-cach-hanh-chinh-trong-he-thong-mat-tran-to-quoc-quan-nam-2018",
    "title": "Kế hoạch phối hợp triển khai thực hiện công tác cải cách hành chính trong hệ thống Mặt trận Tổ quốc quận năm 2018",
    "category": "tin-tuc-su-kien",
    "ward": "ankhanh",
    "published": (2018, 3, 13, 10, 5),
    "views": 892,
    "author": "",
    "summary": "Với mục đích nâng cao tinh thần trách nhiệm, thái độ giao tiếp, ứng xử của cán bộ, công chức, viên chức trong quá trình giải quyết công việc cho tổ chức, cá nhân cùa cơ quan hành chính nhà nước các cấp trên địa bàn quận giai đoạn 2017 - 2020, Ủy ban Mặt trận Tổ quốc Việt Nam quận xây dựng và triển khai Kế hoạch phổi hợp triển khai thực hiện công tác cải cách hành chính trong hệ thống Mặt trận Tổ quốc quận năm 2018.",
    "paragraphs": [
        "Thực hiện Chương trình phối hợp số 308/CTPH-UBND-MTTQ ngày 29 tháng 12 năm 2017 giữa Ban Thường trực ủy ban Mặt trận Tổ quốc Việt Nam quận với Ủy ban nhân dân quận về giám sát tinh thần trách nhiệm, thái độ giao tiếp, ứng xử của cán bộ, công chức, viên chức trong quá trình giải quyết công việc cho tổ chức, cá nhân cùa cơ quan hành chính nhà nước các cấp trên địa bàn quận giai đoạn 2017 - 2020;",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam quận xây dựng và triển khai Kế hoạch phổi hợp triển khai thực hiện công tác cải cách hành chính trong hệ thống Mặt trận Tổ quốc quận năm 2018 với các nội dung chính như sau:",
        "1. MỤC ĐÍCH",
        "Phối hợp tuyên truyền, phổ biến trong nhân dân về các quy định thủ tục hành chính nhằm giúp người dân hiểu và thực hiện đúng quyền, nghĩa vụ cùa mình khi thực hiện các thủ tục hành chính.",
        "Phối hợp cho ý kiến đánh giá, xác định chi số cải cách hành chính của Ủy ban nhân dân quận.",
        "Việc đánh giá Chỉ số cải cách hành chính cùa ủy ban nhân dân quận phải đàm bảo đúng thực chất, khách quan, phù hợp với đặc điểm, điều kiện thực tế cùa đơn vị.",
        "2. TRIỂN KHAI",
        "Trên cơ sở tình hình thực tế y ban Mặt trận Tổ quốc Việt Nam quận phối hp tổ chức các hoạt động tuyên truyn với nhiêu hình thức đa dạng (như hội nghị, tuyên truyền trên các phương tiện thông tin đại chúng, bản tin...) các văn bản có liên quan đến công tác cải cách hành chính; mục tiêu, nội dung cùa Ch số cài cách hành chính nhm giúp người dân hiểu và thực hiện đúng quyền, nghĩa vụ cùa minh khi thực hiện các thù tục hành chính, đồng thời nâng cao tinh thẩn trách nhiệm của cán bộ. công chức, viên chức và tăng cường sự tham gia phối hợp cùa các cơ quan, tổ chức và cá nhân trong quá trình theo dõi, đánh giá kết quả triển khai cải cách hành chính.",
        "Phối hp, cho ý kiến đánh giá, chấm điểm xác định chỉ số cải cách hành chính của Ủy ban nhân dân quận hàng năm theo các tiêu chí:",
        "- Phối hp trong công tác tuyên truyền các nội dung liên quan đến công tác cải cách hành chính.",
        "- Phối hợp trong công tác tiếp dân và giải quyết đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh cùa công dân và Ủy ban Mặt trận Tổ quốc cùng cấp.",
        "- Phối hợp trong việc giám sát tinh thần trách nhiệm, thái độ giao tiếp, ứng xử ca cán bộ, công chức, viên chức trong quá trình giải quyết công việc cho tổ chức, cá nhân cùa cơ quan hành chính nhà nước trên địa bàn.",
        "- Phối hợp trong việc tổ chức thực hiện các hoạt động phản biện xã hội đối với các văn bản dự thảo do y ban nhân dân cùng cấp ban hành.",
        "Giám sát công tác t chức thực hiện và công khai kết quả khảo sát đánh giá sự hài lòng của tổ chức và người dân đối với dịch vụ hành chính công trên địa bàn quận.",
        "Công khai số điện thoại tiếp nhận phản ánh, kiến nghị; hộp thư góp ý tại trụ sở Ủy ban Mặt trận Tổ quốc Việt Nam quận, phường để mọi người dân, tổ chức có thể cung cấp thông tin hoặc phản ánh những vấn đề có liên quan đến tinh thẩn trách nhiệm, thái độ giao tiếp, ứng xử của cán bộ, công chức, viên chức trong thực thi chức trách nhiệm vụ.",
        "Tiếp nhận phản ánh, kiến nghị của Nhân dân có nội dung liên quan đến những vi phạm về tinh thần trách nhiệm, thái dộ giao tiếp, ứng xử cùa cán bộ, công chức, viên chức, với tổ chức cá nhân trong thi hành nhiệm vụ; kịp thời phản ánh ủy ban Nhân dân quận, phường nơi cán bộ, công chức, viên chức làm việc và Phòng Nội vụ giúp ủy ban nhân dân quận theo dõi, đồng thời phối hợp với cơ quan đơn vị xác minh, làm rõ sự việc, đề xuất cơ quan thẩm quyền hình thức xử lý đối với trường hợp phát hiện cán bộ, công chức, viên chức vi phạm.",
        "3. THỰC HIỆN",
        "Phối hợp t chức các hoạt động tuyên truyền, phổ biến các văn bản có liên quan đến công tác cải cách hành chính tại đơn vị mình, đồng thời hướng dẫn, đôn đốc các đơn vị trực thuộc vận động cán bộ, đoàn viên, hội viên và nhân dân tham eia thực hiện.",
        "Kiếm tra việc phối hợp tổ chức thực hiện của các tổ chức thành viên, Mặt trận Tổ quốc các phường.",
        "Định kỳ hằng năm, tham mưu việc cho ý kiến đánh giá, chấm điểm xác định chỉ s cải cách hành chính cùa y ban nhân dân quận, đồng thời tham mưu báo cáo tổng hợp kết quả phối hợp thực hiện về Ban Thường trực Uy ban Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh.",
    ],
    "images": [],
}  # fmt: skip

#: The seed page's site counter.
SITE_VISITS = 29410893

ARTICLES = (
    {
        "title": "Kế hoạch cải cách hành chính năm 2026: tập trung số hóa hồ sơ và giảm thời gian giải quyết thủ tục",
        "category": "cai-cach-hanh-chinh",
        "ward": "binhthanh",
        "published": (2026, 1, 15, 9, 30),
        "featured": True,
        "views": 1274,
        "author": "Văn phòng HĐND và UBND phường",
        "summary": "UBND phường Bình Thạnh ban hành Kế hoạch cải cách hành chính năm 2026 với 6 nhóm nhiệm vụ trọng tâm, trong đó đặt mục tiêu 100% hồ sơ tiếp nhận tại Trung tâm Phục vụ hành chính công được số hóa và tỷ lệ hồ sơ trễ hạn dưới 1%.",
        "paragraphs": [
            "Kế hoạch được xây dựng trên cơ sở kết quả thực hiện năm 2025 – năm đầu tiên vận hành mô hình chính quyền địa phương hai cấp. Sau sáu tháng hoạt động, Trung tâm Phục vụ hành chính công phường đã tiếp nhận hơn 12.000 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 98,6%.",
            "[ảnh 1]",
            "Năm 2026, phường tập trung vào sáu nhóm nhiệm vụ: cải cách thể chế; cải cách thủ tục hành chính; cải cách tổ chức bộ máy; cải cách chế độ công vụ; cải cách tài chính công và xây dựng chính quyền số. Trong đó, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính được xác định là nhiệm vụ xuyên suốt, bảo đảm người dân không phải nộp lại giấy tờ đã được cơ quan nhà nước số hóa.",
            "Phường cũng đặt chỉ tiêu tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 60%, mức độ hài lòng của người dân đạt trên 95%, và 100% phản ánh, kiến nghị của người dân được tiếp nhận, trả lời đúng thời hạn.",
            "Chủ tịch UBND phường yêu cầu thủ trưởng các phòng, đơn vị thuộc phường cụ thể hóa kế hoạch thành chương trình công tác của đơn vị, phân công rõ người, rõ việc, rõ thời hạn và báo cáo kết quả hằng quý.",
        ],
        "images": [("office", "Người dân làm thủ tục tại Trung tâm Phục vụ hành chính công phường Bình Thạnh. (Ảnh minh họa)")],
    },
    {
        "title": "Trung tâm Phục vụ hành chính công phường Bình Thạnh tiếp nhận hơn 12.000 hồ sơ sau 6 tháng vận hành",
        "category": "cai-cach-hanh-chinh",
        "ward": "binhthanh",
        "published": (2026, 1, 8, 15, 10),
        "views": 958,
        "author": "Ngọc Lan",
        "summary": "Từ ngày 01/7/2025 đến hết năm 2025, Trung tâm Phục vụ hành chính công phường Bình Thạnh tiếp nhận 12.346 hồ sơ, trong đó 41% nộp trực tuyến.",
        "paragraphs": [
            "Theo báo cáo của Trung tâm, lĩnh vực có nhiều hồ sơ nhất là chứng thực (4.812 hồ sơ), tiếp đến là hộ tịch (3.105 hồ sơ) và đất đai – xây dựng (1.967 hồ sơ). Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt 98,6%; 171 hồ sơ trễ hạn đều đã có thư xin lỗi gửi người dân và hẹn lại thời gian trả kết quả.",
            "Trung tâm bố trí 14 quầy tiếp nhận, có quầy ưu tiên cho người cao tuổi, người khuyết tật và phụ nữ mang thai. Tổ công nghệ số cộng đồng thường trực tại sảnh để hướng dẫn người dân nộp hồ sơ trực tuyến, thanh toán phí, lệ phí không dùng tiền mặt.",
            "[ảnh 1]",
            "Ông Lê Hoàng Nam, Phó Chủ tịch UBND phường, cho biết thời gian tới Trung tâm sẽ mở rộng tiếp nhận hồ sơ vào sáng thứ Bảy và triển khai đánh giá mức độ hài lòng bằng mã QR tại từng quầy.",
        ],
        "images": [("digital", "Tổ công nghệ số cộng đồng hướng dẫn người dân nộp hồ sơ trực tuyến tại sảnh Trung tâm.")],
    },
    {
        "title": "Phường Gia Định tiếp nhận hồ sơ không phụ thuộc địa giới hành chính",
        "category": "cai-cach-hanh-chinh",
        "ward": "giadinh",
        "published": (2025, 11, 12, 8, 0),
        "views": 611,
        "author": "Phòng Văn hóa - Xã hội",
        "summary": "Từ tháng 11/2025, người dân thường trú ở phường khác của Thành phố có thể nộp hồ sơ chứng thực, hộ tịch, đăng ký kinh doanh hộ cá thể tại Trung tâm Phục vụ hành chính công phường Gia Định.",
        "paragraphs": [
            "Việc tiếp nhận hồ sơ không phụ thuộc địa giới hành chính được thực hiện theo chỉ đạo của UBND Thành phố, nhằm giúp người dân, nhất là người lao động làm việc xa nơi cư trú, giảm thời gian đi lại.",
            "Hồ sơ được tiếp nhận, số hóa và chuyển qua Hệ thống thông tin giải quyết thủ tục hành chính đến cơ quan có thẩm quyền. Kết quả được trả qua dịch vụ bưu chính công ích hoặc tại Trung tâm, theo lựa chọn của người dân.",
            "Trong tháng đầu triển khai, Trung tâm đã tiếp nhận 286 hồ sơ của người dân các phường lân cận, chủ yếu là chứng thực bản sao và cấp bản sao trích lục hộ tịch.",
        ],
        "images": [("office", "Quầy tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công phường Gia Định.")],
    },
    {
        "title": "Công bố Chỉ số hài lòng về sự phục vụ của cơ quan hành chính năm 2025",
        "category": "cai-cach-hanh-chinh",
        "ward": "ankhanh",
        "published": (2026, 3, 20, 14, 0),
        "views": 503,
        "author": "Văn phòng HĐND và UBND phường",
        "summary": "Kết quả khảo sát 1.200 lượt người dân, tổ chức cho thấy mức độ hài lòng chung đối với Trung tâm Phục vụ hành chính công phường An Khánh đạt 93,8%.",
        "paragraphs": [
            "Khảo sát được thực hiện từ tháng 10 đến tháng 12/2025 bằng phiếu giấy và phiếu điện tử, theo 5 yếu tố: tiếp cận dịch vụ; thủ tục hành chính; công chức trực tiếp giải quyết công việc; kết quả giải quyết; tiếp nhận, xử lý góp ý, phản ánh.",
            "Yếu tố được đánh giá cao nhất là thái độ phục vụ của công chức (96,2%); yếu tố thấp nhất là thời gian chờ đến lượt vào giờ cao điểm (88,5%).",
            "UBND phường giao Trung tâm bổ sung quầy tiếp nhận vào các ngày đầu tuần, triển khai đặt lịch hẹn trực tuyến và công khai số điện thoại đường dây nóng tại từng quầy để người dân phản ánh kịp thời.",
        ],
        "images": [],
    },
    {
        "title": "Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân năm 2026",
        "category": "tin-tuc-su-kien",
        "ward": "binhthanh",
        "published": (2026, 10, 15, 11, 20),
        "featured": True,
        "views": 732,
        "author": "Ngọc Lan",
        "summary": "Sáng 15/10/2026, UBND phường Bình Thạnh phối hợp với Ủy ban MTTQ Việt Nam phường tổ chức Hội nghị đối thoại với hơn 200 đại biểu là người dân, hộ kinh doanh trên địa bàn.",
        "paragraphs": [
            "Tại hội nghị, người dân nêu 27 ý kiến, tập trung vào chỉnh trang vỉa hè, thoát nước mùa mưa, cấp giấy chứng nhận quyền sử dụng đất và thủ tục đăng ký hộ kinh doanh.",
            "[ảnh 1]",
            "Chủ tịch UBND phường đã trả lời trực tiếp 21 ý kiến; 6 ý kiến cần kiểm tra thực tế được giao các phòng chuyên môn xem xét, trả lời bằng văn bản trong 15 ngày làm việc và đăng công khai trên Cổng thông tin điện tử phường.",
            "Ông Nguyễn Văn Tâm, khu phố 5, cho biết: “Tôi đánh giá cao việc các câu hỏi được trả lời cụ thể, có thời hạn. Mong phường tiếp tục tổ chức đối thoại định kỳ để người dân được nói và được nghe.”",
        ],
        "images": [("meeting", "Quang cảnh Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân.")],
    },
    {
        "title": "Ra quân “Ngày Chủ nhật xanh” làm sạch kênh rạch trên địa bàn phường An Khánh",
        "category": "tin-tuc-su-kien",
        "ward": "ankhanh",
        "published": (2026, 9, 20, 10, 45),
        "views": 388,
        "author": "Đoàn Thanh niên phường",
        "summary": "Hơn 300 đoàn viên, hội viên và người dân tham gia thu gom rác thải, khơi thông dòng chảy dọc rạch Cá Trê.",
        "paragraphs": [
            "Chương trình do Ủy ban MTTQ Việt Nam phường An Khánh phát động, nằm trong chuỗi hoạt động hưởng ứng phong trào “Thành phố Hồ Chí Minh xanh – sạch – đẹp”.",
            "Trong buổi sáng, lực lượng tham gia đã thu gom khoảng 4 tấn rác, phát quang 1,2 km bờ rạch và trồng mới 150 cây xanh. Phường cũng lắp đặt thêm 10 biển báo cấm đổ rác và công bố số điện thoại tiếp nhận phản ánh về vệ sinh môi trường.",
            "[ảnh 1]",
        ],
        "images": [("green", "Đoàn viên thanh niên thu gom rác dọc bờ rạch.")],
    },
    {
        "title": "Phường Cát Lái trao 120 phần quà Trung thu cho thiếu nhi có hoàn cảnh khó khăn",
        "category": "tin-tuc-su-kien",
        "ward": "catlai",
        "published": (2026, 9, 24, 19, 30),
        "views": 254,
        "author": "Phòng Văn hóa - Xã hội",
        "summary": "Tối 24/9/2026, UBND phường Cát Lái tổ chức chương trình “Trung thu yêu thương” và trao quà cho 120 em thiếu nhi có hoàn cảnh khó khăn.",
        "paragraphs": [
            "Mỗi phần quà gồm bánh trung thu, lồng đèn, tập vở và 300.000 đồng tiền mặt, do các doanh nghiệp, nhà hảo tâm trên địa bàn đóng góp.",
            "Chương trình có các tiết mục văn nghệ, múa lân và rước đèn quanh khu phố, thu hút đông đảo các gia đình tham gia.",
        ],
        "images": [("festival", "Các em thiếu nhi rước đèn trong chương trình “Trung thu yêu thương”.")],
    },
    {
        "title": "Tổ công nghệ số cộng đồng hướng dẫn người dân kích hoạt định danh điện tử mức độ 2",
        "category": "chuyen-doi-so",
        "ward": "giadinh",
        "published": (2026, 5, 10, 8, 15),
        "views": 847,
        "author": "Tổ công nghệ số cộng đồng",
        "summary": "Trong tháng 5/2026, 24 Tổ công nghệ số cộng đồng của phường Gia Định đến từng khu phố hướng dẫn người dân cài đặt ứng dụng VNeID, kích hoạt tài khoản định danh điện tử mức độ 2 và nộp hồ sơ trực tuyến.",
        "paragraphs": [
            "Các tổ gồm công an khu vực, đoàn viên thanh niên và cán bộ khu phố, làm việc vào buổi tối và ngày nghỉ để thuận tiện cho người lao động.",
            "[ảnh 1]",
            "Sau một tháng, đã có thêm 3.400 người dân kích hoạt tài khoản định danh điện tử mức độ 2. Người dân cũng được hướng dẫn cách tra cứu tình trạng hồ sơ bằng mã hồ sơ và số điện thoại trên Cổng dịch vụ công của phường.",
            "Bà Trần Thị Hoa (khu phố 3) chia sẻ: “Trước đây tôi phải nhờ con làm giúp, giờ được hướng dẫn tận nơi, tôi tự đăng ký khai sinh cho cháu trên điện thoại được rồi.”",
        ],
        "images": [("digital", "Thành viên Tổ công nghệ số cộng đồng hướng dẫn người cao tuổi sử dụng ứng dụng VNeID.")],
    },
    {
        "title": "Thanh toán trực tuyến phí, lệ phí: người dân phường An Khánh tiết kiệm thời gian đi lại",
        "category": "chuyen-doi-so",
        "ward": "ankhanh",
        "published": (2026, 8, 5, 16, 0),
        "views": 412,
        "author": "Trung tâm Phục vụ hành chính công phường",
        "summary": "Tỷ lệ hồ sơ thanh toán phí, lệ phí trực tuyến tại phường An Khánh tăng từ 18% lên 57% sau 6 tháng.",
        "paragraphs": [
            "Người dân có thể thanh toán bằng ứng dụng ngân hàng, ví điện tử hoặc quét mã QR ngay tại quầy. Biên lai điện tử được gửi về tài khoản của người dân trên Cổng dịch vụ công.",
            "Trung tâm khuyến khích người dân lựa chọn nhận kết quả qua bưu điện để hoàn thành thủ tục mà không phải đến trụ sở.",
        ],
        "images": [],
    },
    {
        "title": "Triển khai Luật Tổ chức chính quyền địa phương năm 2025 đến cán bộ, công chức phường",
        "category": "van-ban",
        "ward": "catlai",
        "published": (2025, 8, 20, 14, 30),
        "views": 366,
        "author": "Văn phòng HĐND và UBND phường",
        "summary": "UBND phường Cát Lái tổ chức hội nghị quán triệt Luật Tổ chức chính quyền địa phương năm 2025 và các nghị định hướng dẫn về phân quyền, phân cấp cho chính quyền cấp xã.",
        "paragraphs": [
            "Hội nghị tập trung vào những điểm mới về nhiệm vụ, quyền hạn của chính quyền địa phương cấp xã trong mô hình hai cấp, nhất là các nhiệm vụ trước đây do cấp huyện thực hiện nay được giao cho phường.",
            "Cán bộ, công chức được yêu cầu nghiên cứu kỹ các thủ tục hành chính thuộc thẩm quyền mới, cập nhật quy trình nội bộ và bảo đảm không để ách tắc hồ sơ trong thời gian chuyển tiếp.",
        ],
        "images": [("meeting", "Hội nghị quán triệt Luật Tổ chức chính quyền địa phương năm 2025.")],
    },
    {
        "title": "Ban hành Quy chế tiếp công dân của Ủy ban nhân dân phường Bình Thạnh",
        "category": "van-ban",
        "ward": "binhthanh",
        "published": (2025, 9, 10, 10, 0),
        "views": 295,
        "author": "Văn phòng HĐND và UBND phường",
        "summary": "Quy chế quy định lịch tiếp công dân định kỳ của Chủ tịch UBND phường vào ngày thứ Năm tuần thứ hai và thứ tư hằng tháng.",
        "paragraphs": [
            "Theo Quy chế, việc tiếp công dân thường xuyên được thực hiện tại Trụ sở tiếp công dân của phường vào giờ hành chính các ngày làm việc. Công dân đến khiếu nại, tố cáo, kiến nghị, phản ánh được hướng dẫn, tiếp nhận và theo dõi đến khi có kết quả.",
            "Quy chế cũng quy định việc ghi sổ, nhập thông tin vào cơ sở dữ liệu quốc gia về tiếp công dân và bảo đảm bí mật thông tin của người tố cáo.",
        ],
        "images": [],
    },
    {
        "title": "Thông báo lịch tiếp công dân của Chủ tịch UBND phường tháng 12/2026",
        "category": "thong-bao",
        "ward": "binhthanh",
        "published": (2026, 11, 20, 8, 0),
        "featured": True,
        "views": 143,
        "author": "Văn phòng HĐND và UBND phường",
        "summary": "Chủ tịch UBND phường Bình Thạnh tiếp công dân định kỳ vào sáng thứ Năm, ngày 10/12/2026 và ngày 24/12/2026, tại Trụ sở tiếp công dân phường.",
        "paragraphs": [
            "Thời gian: từ 7 giờ 30 đến 11 giờ 30. Địa điểm: Trụ sở tiếp công dân, số 6 Phan Đăng Lưu, phường Bình Thạnh.",
            "Công dân đến đăng ký vui lòng mang theo căn cước và các giấy tờ liên quan đến nội dung trình bày. Người dân cũng có thể đăng ký trước qua số điện thoại 028 3841 1001 trong giờ hành chính.",
        ],
        "images": [],
    },
    {
        "title": "Tuyển chọn tình nguyện viên hỗ trợ người dân làm thủ tục trực tuyến",
        "category": "thong-bao",
        "ward": "giadinh",
        "published": (2026, 10, 28, 9, 0),
        "views": 198,
        "author": "Đoàn Thanh niên phường",
        "summary": "Đoàn Thanh niên phường Gia Định tuyển chọn 40 tình nguyện viên hỗ trợ người dân tại Trung tâm Phục vụ hành chính công từ tháng 11/2026 đến tháng 2/2027.",
        "paragraphs": [
            "Yêu cầu: từ 18 đến 30 tuổi, sử dụng thành thạo điện thoại thông minh, có tinh thần trách nhiệm, cam kết tham gia tối thiểu hai buổi mỗi tuần.",
            "Tình nguyện viên được tập huấn về dịch vụ công trực tuyến, kỹ năng giao tiếp với người dân và được cấp giấy chứng nhận khi hoàn thành.",
            "Hồ sơ đăng ký gửi về Văn phòng Đoàn Thanh niên phường trước ngày 10/11/2026.",
        ],
        "images": [],
    },
    {
        "title": "Thông báo nghỉ Tết Dương lịch năm 2027 và tiếp nhận hồ sơ trực tuyến trong thời gian nghỉ",
        "category": "thong-bao",
        "ward": "binhthanh",
        "published": (2026, 12, 28, 8, 0),  # scheduled: appears on the portal at that time
        "views": 0,
        "author": "Văn phòng HĐND và UBND phường",
        "summary": "Cán bộ, công chức phường được nghỉ Tết Dương lịch từ ngày 01/01/2027. Hệ thống dịch vụ công trực tuyến vẫn tiếp nhận hồ sơ trong những ngày nghỉ.",
        "paragraphs": [
            "Hồ sơ nộp trực tuyến trong ngày nghỉ được tính tiếp nhận vào ngày làm việc tiếp theo. Người dân có việc cấp bách về hộ tịch (khai tử) liên hệ số điện thoại trực của phường.",
        ],
        "images": [],
    },
)  # fmt: skip

#: Articles still in the newsroom (shown to editors only).
DRAFTS = (
    {
        "title": "Sơ kết công tác cải cách hành chính 9 tháng đầu năm 2026",
        "category": "cai-cach-hanh-chinh",
        "ward": "binhthanh",
        "status": "review",
        "summary": "UBND phường tổ chức sơ kết 9 tháng thực hiện Kế hoạch cải cách hành chính năm 2026, chỉ ra ba nhóm việc cần đẩy nhanh trong quý IV.",
        "paragraphs": [
            "Đến hết tháng 9/2026, tỷ lệ hồ sơ trực tuyến toàn trình đạt 52%, tỷ lệ hồ sơ đúng hạn đạt 99,1%.",
            "Ba nhóm việc cần đẩy nhanh là số hóa kết quả giải quyết thủ tục hành chính còn tồn, cập nhật dữ liệu đất đai và chuẩn hóa quy trình nội bộ.",
        ],
    },
    {
        "title": "Tổng kết phong trào thi đua “Dân vận khéo” năm 2026",
        "category": "tin-tuc-su-kien",
        "ward": "binhthanh",
        "status": "draft",
        "summary": "",
        "paragraphs": ["Bản nháp: bổ sung số liệu sau khi có báo cáo của các khu phố."],
    },
)  # fmt: skip

VIDEOS = (
    # (title, description, (y, m, d, h, mi), embed URL, duration, theme)
    ("Trung tâm Phục vụ hành chính công phường Bình Thạnh sau 6 tháng hoạt động", "Phóng sự về hoạt động tiếp nhận, trả kết quả hồ sơ và hướng dẫn người dân nộp hồ sơ trực tuyến.", (2026, 1, 10, 9, 0), "https://www.youtube.com/watch?v=BT2026ttphc", "6:12", "office"),
    ("Hướng dẫn nộp hồ sơ đăng ký khai sinh trực tuyến", "Các bước đăng ký khai sinh trên Cổng dịch vụ công bằng tài khoản định danh điện tử.", (2026, 4, 2, 14, 0), "https://www.youtube.com/watch?v=GD2026khaisinh", "4:35", "digital"),
    ("Ngày Chủ nhật xanh tại phường An Khánh", "Hơn 300 người dân và đoàn viên làm sạch rạch Cá Trê.", (2026, 9, 21, 8, 0), "https://www.youtube.com/watch?v=AK2026cnxanh", "3:08", "green"),
    ("Tuyên truyền tiết kiệm điện P.1", "Video tuyên truyền từ trang của quận 2 cũ, lưu trữ trong thư viện video.", (2014, 7, 15, 9, 0), "https://www.youtube.com/watch?v=Q2tietkiemdien1", "5:00", "festival"),
    ("KỶ NIỆM 15 NĂM THÀNH LẬP QUẬN 2 - P.1", "Tư liệu từ trang của quận 2 cũ.", (2012, 1, 6, 9, 0), "https://www.youtube.com/watch?v=Q2kyniem15nam1", "9:40", "meeting"),
)  # fmt: skip

DOCUMENTS = (
    # (kind, number, title, issued (y, m, d), issuing body, field, signer, summary, ward)
    ("plan", "12/KH-UBND", "Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân phường Bình Thạnh", (2026, 1, 12), "Ủy ban nhân dân phường Bình Thạnh", "Cải cách hành chính", "Lê Hoàng Nam", "Sáu nhóm nhiệm vụ cải cách hành chính năm 2026, chỉ tiêu và phân công thực hiện.", "binhthanh"),
    ("plan", "25/KH-UBND", "Kế hoạch tuyên truyền cải cách hành chính năm 2026", (2026, 2, 3), "Ủy ban nhân dân phường Bình Thạnh", "Cải cách hành chính", "Lê Hoàng Nam", "Nội dung, hình thức tuyên truyền cải cách hành chính và phân công các đơn vị.", "binhthanh"),
    ("decision", "145/QĐ-UBND", "Quyết định ban hành Quy chế tiếp công dân của Ủy ban nhân dân phường Bình Thạnh", (2025, 9, 5), "Ủy ban nhân dân phường Bình Thạnh", "Tiếp công dân", "Lê Hoàng Nam", "Quy chế tiếp công dân thường xuyên, định kỳ và đột xuất tại phường.", "binhthanh"),
    ("decision", "210/QĐ-UBND", "Quyết định công bố danh mục thủ tục hành chính tiếp nhận không phụ thuộc địa giới hành chính", (2025, 11, 3), "Ủy ban nhân dân phường Gia Định", "Kiểm soát thủ tục hành chính", "Lê Hoàng Nam", "Danh mục 38 thủ tục hành chính tiếp nhận không phụ thuộc địa giới hành chính.", "giadinh"),
    ("report", "318/BC-UBND", "Báo cáo kết quả khảo sát sự hài lòng của người dân, tổ chức năm 2025", (2026, 3, 16), "Ủy ban nhân dân phường An Khánh", "Cải cách hành chính", "Lê Hoàng Nam", "Kết quả khảo sát 1.200 lượt người dân, tổ chức theo 5 yếu tố.", "ankhanh"),
    ("plan", "40/KH-MTTQ-BTT", "Kế hoạch giám sát việc giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công năm 2026", (2026, 2, 20), "Ban Thường trực Ủy ban MTTQ Việt Nam phường An Khánh", "Giám sát, phản biện xã hội", "Đặng Thị Mai", "Nội dung, đối tượng và thời gian giám sát tinh thần, thái độ phục vụ của cán bộ, công chức.", "ankhanh"),
)  # fmt: skip
