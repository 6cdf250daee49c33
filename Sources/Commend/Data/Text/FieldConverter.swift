/// Converts the cells of one column to its declared type. Every way cells
/// arrive (CSV bytes, text given in code, JSON values) goes through here.
struct FieldConverter {
    /// Why a cell does not fit its type: what was expected, and what was found.
    struct Problem: Error {
        var message: String
    }

    let type: FieldType
    /// A comma may stand for the decimal point (`;`- or tab-separated files).
    let decimalComma: Bool
    private let interner: StringInterner
    private var policy = InternPolicy()
    private var enumMatcher: EnumMatcher?
    private var boolCache: [String: Bool?] = [:]

    init(type: FieldType, decimalComma: Bool, interner: StringInterner) {
        self.type = type
        self.decimalComma = decimalComma
        self.interner = interner
        if case .enumeration(let values) = type { enumMatcher = EnumMatcher(values) }
    }

    /// Converts the (valid UTF-8) bytes of a cell as written in a file: nil
    /// for a blank cell (surrounding blanks are ignored), or nil and a `problem`.
    mutating func convert(_ raw: Span<UInt8>, problem: inout Problem?) -> Value? {
        let b = raw.extracting(raw.trimmedRange)
        if b.isEmpty { return nil }
        switch type {
        case .string:
            return .string(policy.apply(NFC.string(b), byteCount: b.count, interner))
        case .int:
            if let i = NumberParsing.int(b) { return .int(i) }
            problem = invalid("expected an integer", b)
        case .number:
            if let d = NumberParsing.number(b, decimalComma: decimalComma) { return .number(d) }
            problem = invalid("expected a number", b)
        case .date:
            switch DateParsing.read(b) {
            case (.valid, let iso?): return .string(iso)
            case (.noSuchDay, _): problem = invalid(DateParsing.expected, b, note: " (no such day)")
            default: problem = invalid(DateParsing.expected, b)
            }
        case .bool:
            if let quick = BoolSpelling.quick(b) { return .bool(quick) }
            let key = NFC.string(b)
            let parsed: Bool?
            if let hit = boolCache[key] {
                parsed = hit
            } else {
                parsed = BoolSpelling.parse(key)
                if boolCache.count < 1024 { boolCache[key] = parsed }
            }
            if let parsed { return .bool(parsed) }
            problem = invalid(BoolSpelling.expected, b)
        case .enumeration:
            if let v = enumMatcher!.match(b) { return v }
            problem = invalid(enumMatcher!.expected, b)
        }
        return nil
    }

    /// Converts text given in code (or a JSON string) like a file cell.
    mutating func convert(text: String) -> Result<Value?, Problem> {
        text.withUTF8Bytes { bytes in
            var problem: Problem?
            let value = convert(bytes, problem: &problem)
            return problem.map { .failure($0) } ?? .success(value)
        }
    }

    /// `expected ..., found "text"`.
    private func invalid(_ expected: String, _ b: Span<UInt8>, note: String = "") -> Problem {
        Problem(message: "\(expected), found \"\(NFC.string(b))\"\(note)")
    }
}
