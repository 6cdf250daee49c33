import Foundation

/// The files shipped with the server (`Resources/`): the OpenAPI document and
/// the ranking page, read once.
struct StaticFiles: Sendable {
    let openAPI: [UInt8]
    let page: [String: (type: String, bytes: [UInt8])]

    init() throws {
        func read(_ name: String) throws -> [UInt8] {
            guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources") else {
                throw APIError(.internal, "missing resource \(name)")
            }
            return Array(try Data(contentsOf: url))
        }
        openAPI = try read("openapi.json")
        page = [
            "/": ("text/html; charset=utf-8", try read("page/index.html")),
            "/page.css": ("text/css; charset=utf-8", try read("page/page.css")),
            "/page.js": ("text/javascript; charset=utf-8", try read("page/page.js")),
        ]
    }
}
