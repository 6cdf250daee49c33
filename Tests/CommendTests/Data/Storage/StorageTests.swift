@testable import Commend
import Foundation
import Testing

/// The storage room of the data: the id index, the UTF-8 check of raw file
/// bytes, and SHA-256 from the system's libcrypto.
@Suite("Data storage: id index, UTF-8 check, SHA-256")
struct StorageTests {
    @Test("the id index finds each id's first row, reports repeats, and finds nothing for other ids")
    func idIndex() {
        // "Nguyễn" composed (NFC), as the data keeps ids.
        let ids = ["M1", "M2", "Nguy\u{1EC5}n", "M1", "m1", "M2"]
        var repeats: [[Int]] = []
        let index = IdIndex(ids) { row, first in repeats.append([row, first]) }
        #expect(repeats == [[3, 0], [5, 1]])
        #expect(index.row(of: "M1", in: ids) == 0)
        #expect(index.row(of: "M2", in: ids) == 1)
        #expect(index.row(of: "Nguyễn", in: ids) == 2)
        #expect(index.row(of: "m1", in: ids) == 4)
        #expect(index.row(of: "M3", in: ids) == nil)
        #expect(index.row(of: "", in: ids) == nil)
    }

    @Test("with more ids than the first table holds, every id is still found at its row")
    func idIndexGrows() {
        let ids = (0..<5_000).map { "U\($0)" }
        let index = IdIndex(ids) { _, _ in Issue.record("no id repeats") }
        #expect(ids.indices.allSatisfy { index.row(of: ids[$0], in: ids) == $0 })
        #expect(index.row(of: "U5000", in: ids) == nil)
    }

    /// The offset `UTF8Validation` reports for `bytes`.
    static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        UTF8Validation.firstInvalid(in: bytes.span)
    }

    @Test("UTF-8: valid text passes; the offset of the first byte that starts a bad sequence")
    func utf8() {
        #expect(Self.firstInvalid(Array("Nguyễn Thị Hồng, 𝔸".utf8)) == nil)
        #expect(Self.firstInvalid([]) == nil)
        // Windows-1258 "Lê" (0x4C 0xEA): 0xEA starts a 3-byte sequence that "\n" does not continue.
        #expect(Self.firstInvalid([0x4C, 0xEA, 0x0A]) == 1)
        #expect(Self.firstInvalid([0x61, 0xC0, 0x80]) == 1)              // overlong "\0"
        #expect(Self.firstInvalid([0xE0, 0x80, 0x80]) == 0)              // overlong 3-byte form
        #expect(Self.firstInvalid([0xED, 0xA0, 0x80]) == 0)              // a UTF-16 surrogate
        #expect(Self.firstInvalid([0xF4, 0x90, 0x80, 0x80]) == 0)        // beyond U+10FFFF
        #expect(Self.firstInvalid([0x61, 0x62, 0xE1, 0xBB]) == 2)        // cut short at the end
        // Past a run of ASCII read eight bytes at a time.
        #expect(Self.firstInvalid(Array(repeating: 0x61, count: 20) + [0xFF]) == 20)
        #expect(UTF8Validation.firstInvalid(in: [0xFF, 0x61, 0xFF].span, from: 1) == 2)
    }

    @Test("SHA-256: the FIPS 180-2 examples, whole or fed in pieces")
    func sha256() {
        func digest(_ parts: [[UInt8]]) -> String {
            let hasher = SHA256Hasher()
            for part in parts { hasher.update(part) }
            return hasher.finish()
        }
        #expect(digest([]) == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest([Array("abc".utf8)]) == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        let expected = "sha256:248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        #expect(digest([long]) == expected)
        #expect(digest([Array(long[..<7]), [], Array(long[7...])]) == expected)
        let hasher = SHA256Hasher()
        hasher.update(Data(long[..<30]))
        hasher.update(Array(long[30...]))
        #expect(hasher.finish() == expected)
    }
}
