import Commend
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered as `{"error": {"kind", "message", "file", "line"}}` (RULES.md §10).
struct APIError: Error, Sendable {
    enum Kind: String, Sendable {
        case badRequest = "bad_request"
        case badData = "bad_data"
        case unauthorized
        case forbidden
        case notFound = "not_found"
        case methodNotAllowed = "method_not_allowed"
        case tooLarge = "too_large"
        case ruleError = "rule_error"
        case busy
        case notAvailable = "not_available"
        case `internal`

        var status: HTTPResponse.Status {
            switch self {
            case .badRequest, .badData: .badRequest
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .tooLarge: .contentTooLarge
            case .ruleError: .unprocessableContent
            case .busy: .serviceUnavailable
            case .notAvailable: .notImplemented
            case .internal: .internalServerError
            }
        }
    }

    var kind: Kind
    var message: String
    var file: String?
    var line: Int?

    init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
    }

    /// The engine's and the server framework's errors, as the API names them.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as RuleError:
            return APIError(.ruleError, error.description, file: error.location?.file, line: error.location?.line)
        case let error as RuleLoadError:
            let first = error.errors.first
            return APIError(.ruleError, error.errors.map(\.description).joined(separator: "\n"),
                            file: first?.location?.file, line: first?.location?.line)
        case let error as DataError:
            let first = error.issues.first
            return APIError(.badData, error.description, file: first?.path, line: first?.line)
        case let error as EvaluationError:
            return APIError(.badRequest, error.description)
        case is NIOTooManyBytesError:
            return APIError(.tooLarge, "the request body is larger than the server's limit")
        case let error as HTTPError where error.status == .notFound:
            return APIError(.notFound, "no such route")
        case let error as HTTPError where error.status == .methodNotAllowed:
            return APIError(.methodNotAllowed, "this route does not take this method")
        case let error as HTTPError where error.status == .contentTooLarge:
            return APIError(.tooLarge, "the request body is larger than the server's limit")
        case let error as HTTPError where error.status.code < 500:
            return APIError(.badRequest, error.body ?? error.status.reasonPhrase)
        case let error as DecodingError:
            return APIError(.badRequest, "the request body is not the expected JSON: " + describe(error))
        default:
            return APIError(.internal, String(describing: error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the body" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }

    var response: Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                var kind: String
                var message: String
                var file: String?
                var line: Int?
                func encode(to encoder: any Encoder) throws {
                    var c = encoder.container(keyedBy: CodingKeys.self)
                    try c.encode(kind, forKey: .kind)
                    try c.encode(message, forKey: .message)
                    try c.encode(file, forKey: .file)
                    try c.encode(line, forKey: .line)
                }
                enum CodingKeys: String, CodingKey { case kind, message, file, line }
            }
            var error: Detail
        }
        let body = Body(error: .init(kind: kind.rawValue, message: message, file: file, line: line))
        return JSONResponse.encode(body, status: kind.status)
    }
}
