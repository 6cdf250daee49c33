import Foundation
import Hummingbird
import Logging

/// Answers every error as the API's JSON error, and logs one line per
/// request through swift-log: method, path, status, milliseconds and the
/// rules digest served. Bodies and headers are never logged (a token must
/// not reach the logs).
struct APIMiddleware<Context: RequestContext>: RouterMiddleware {
    let rulesDigest: @Sendable () -> String

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = APIError.from(error).response
        }
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(response.status.code)",
            "ms": "\(String(format: "%.2f", ms))",
            "rules_digest": "\(rulesDigest())",
        ])
        return response
    }
}
