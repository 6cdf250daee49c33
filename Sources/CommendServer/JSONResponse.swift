import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON bodies of responses.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        // Encoding our own plain structures cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return bytes(Array(data), status: status)
    }

    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok,
                      contentType: String = "application/json; charset=utf-8") -> Response {
        Response(status: status,
                 headers: [.contentType: contentType],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
