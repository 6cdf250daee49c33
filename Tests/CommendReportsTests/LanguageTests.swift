import Commend
@testable import CommendReports
import Testing

@Suite("Numbers, dates and words of a document")
struct LanguageTests {
    @Test func datesOfTheHeadingAndTheWorkbook() {
        #expect(Language.vi.placeAndDate(place: "Bắc Kạn", date: nil, year: 2021) == "Bắc Kạn, ngày ..... tháng ..... năm 2021")
        #expect(Language.vi.placeAndDate(place: "Bắc Kạn", date: "2021-07-05", year: 2021) == "Bắc Kạn, ngày 5 tháng 7 năm 2021")
        #expect(Language.en.placeAndDate(place: "Bắc Kạn", date: "2021-07-05", year: 2021) == "Bắc Kạn, 05 Jul 2021")
        #expect(Language.serial("2021-01-01") == 44197)
        #expect(Language.serial("1900-03-01") == 61)
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
