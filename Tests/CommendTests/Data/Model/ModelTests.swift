@testable import Commend
import Testing

/// The model of the data: values as rule scripts and outputs show them, the
/// order of ids in every result, and the declared columns per kind.
@Suite("Data model: values, id order, schema")
struct ModelTests {
    @Test("a value as text: integral numbers without a fraction, booleans as true/false")
    func valueText() {
        #expect(Value.number(30).description == "30")
        #expect(Value.number(12.5).description == "12.5")
        #expect(Value.number(-0.25).description == "-0.25")
        #expect(Value.int(-7).description == "-7")
        #expect(Value.bool(true).description == "true")
        #expect(Value.bool(false).description == "false")
        #expect(Value.string("Tổ 1").description == "Tổ 1")
    }

    @Test("ids are ordered by their UTF-8 bytes, not as numbers or by locale")
    func idOrder() {
        let ids = ["M2", "M10", "m1", "Ê1", "E2", "M1"]
        // "1" (0x31) < "2" (0x32); capitals (0x45, 0x4D) before small letters (0x6D);
        // "Ê" is 0xC3 0x8A in UTF-8, after every ASCII letter.
        #expect(ids.sorted(by: idPrecedes) == ["E2", "M1", "M10", "M2", "m1", "Ê1"])
        #expect(!idPrecedes("M1", "M1"))
    }

    @Test("the schema gives each kind its own declared columns")
    func schema() {
        let schema = FieldSchema(members: ["years": .int, "rating": .enumeration(["tot", "kha"])], units: ["fee_rate": .number])
        #expect(schema.fields(for: .member) == ["years": .int, "rating": .enumeration(["tot", "kha"])])
        #expect(schema.fields(for: .unit) == ["fee_rate": .number])
    }
}
