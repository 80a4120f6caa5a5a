-- The starting list of organization types; administrators can add, rename and retire types afterwards.
insert into organization_type (code, name_vi, name_en, sort_order) values
    ('PARTY_COMMITTEE',    'Cấp ủy, tổ chức đảng',                     'Party committee',                  10),
    ('PARTY_AGENCY',       'Cơ quan tham mưu, giúp việc cấp ủy',        'Party advisory agency',            20),
    ('PEOPLES_COMMITTEE',  'Ủy ban nhân dân',                           'People''s Committee',              30),
    ('STATE_AGENCY',       'Cơ quan chuyên môn, cơ quan nhà nước',      'State agency',                     40),
    ('FATHERLAND_FRONT',   'Ủy ban Mặt trận Tổ quốc Việt Nam',          'Vietnam Fatherland Front',         50),
    ('FARMERS_UNION',      'Hội Nông dân',                              'Farmers'' Union',                  60),
    ('WOMENS_UNION',       'Hội Liên hiệp Phụ nữ',                      'Women''s Union',                   70),
    ('YOUTH_UNION',        'Đoàn Thanh niên Cộng sản Hồ Chí Minh',      'Ho Chi Minh Communist Youth Union', 80),
    ('VETERANS_ASSOCIATION','Hội Cựu chiến binh',                       'Veterans'' Association',           90),
    ('TRADE_UNION',        'Công đoàn',                                 'Trade union',                      100),
    ('POLICE',             'Công an',                                   'Police',                           110),
    ('MILITARY',           'Quân sự, Bộ đội Biên phòng',                'Military, Border Guard',           120),
    ('PUBLIC_SERVICE_UNIT','Đơn vị sự nghiệp',                          'Public service unit',              130),
    ('ENTERPRISE',         'Doanh nghiệp',                              'Enterprise',                       140),
    ('OTHER',              'Khác',                                      'Other',                            900);
