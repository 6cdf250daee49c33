/// A byte buffer for JSON output: strings are escaped byte by byte, with a
/// fast path for the common string that needs no escape.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func raw(_ text: StaticString) {
        bytes.append(text)
    }

    mutating func int(_ value: Int) {
        if value >= 0 && value < 10 { return bytes.append(UInt8(ascii: "0") + UInt8(value)) }
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    mutating func number(_ value: Double?) {
        guard let value else { return raw("null") }
        bytes.append(contentsOf: JSONText.number(value).utf8)
    }

    mutating func string(_ value: String?) {
        guard let value else { return raw("null") }
        value.withUTF8Bytes { append(escaping: $0) }
    }

    private mutating func append(escaping utf8: Span<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var clean = true
        for i in 0..<utf8.count {
            let byte = utf8[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
                clean = false
                break
            }
        }
        if clean {
            bytes.append(utf8)
        } else {
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                switch byte {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    // U+2028 and U+2029 are valid JSON but break JavaScript readers.
                    raw(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    i += 2
                default: bytes.append(byte)
                }
                i += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Hands full chunks to the sink.
    mutating func flush(to out: OutputSink, force: Bool = false) {
        guard force || bytes.count >= 1 << 20 else { return }
        out.write(bytes: bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
