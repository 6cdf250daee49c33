@testable import CommendReports
import Testing

@Suite("Numbers, dates and words of a document")
struct LanguageTests {
    @Test func numbersFollowTheLanguage() {
        #expect(DocumentLanguage.vi.number(1234.5) == "1.234,5")
        #expect(DocumentLanguage.en.number(1234.5) == "1,234.5")
        #expect(DocumentLanguage.vi.number(96.38000000000001) == "96,38")
        #expect(DocumentLanguage.vi.number(30000) == "30.000")
        #expect(DocumentLanguage.vi.number(-2.5) == "-2,5")
        #expect(DocumentLanguage.vi.number(0.999) == "1")
    }

    @Test func datesFollowTheLanguage() {
        #expect(DocumentLanguage.vi.date("2021-06-30") == "30/06/2021")
        #expect(DocumentLanguage.en.date("2021-06-30") == "30 June 2021")
        #expect(DocumentLanguage.vi.placeAndDate(place: "Bắc Kạn", date: nil, year: 2021) == "Bắc Kạn, ngày ..... tháng ..... năm 2021")
        #expect(DocumentLanguage.serial("2021-01-01") == 44197)
    }

    @Test func totalsInVietnameseWords() {
        #expect(Numerals.vietnamese(4) == "bốn")
        #expect(Numerals.vietnamese(15) == "mười lăm")
        #expect(Numerals.vietnamese(21) == "hai mươi mốt")
        #expect(Numerals.vietnamese(105) == "một trăm linh năm")
        #expect(Numerals.vietnamese(1005) == "một nghìn không trăm linh năm")
        #expect(Numerals.vietnamese(38672) == "ba mươi tám nghìn sáu trăm bảy mươi hai")
        #expect(Numerals.roman(14) == "XIV")
    }

    @Test func everyLabelIsInBothLanguages() {
        for key in DocumentStrings.Key.allCases {
            #expect(DocumentStrings.vi[key] != nil, "vi lacks \(key)")
            #expect(DocumentStrings.en[key] != nil, "en lacks \(key)")
        }
    }
}
