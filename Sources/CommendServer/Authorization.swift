import Hummingbird

/// Writes need `Authorization: Bearer <token>` with the token of `--token-file`.
struct Authorization: Sendable {
    let token: [UInt8]?

    func require(_ request: Request) throws {
        guard let token else {
            throw APIError(.forbidden, "writes are refused: this server was started without --token-file")
        }
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, "this route writes: send Authorization: Bearer <token>")
        }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), Self.equal(Array(header.utf8.dropFirst(prefix.utf8.count)), token) else {
            throw APIError(.unauthorized, "the bearer token is not the server's token")
        }
    }

    /// Compares in time that depends only on the lengths, not on where the bytes differ.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}
