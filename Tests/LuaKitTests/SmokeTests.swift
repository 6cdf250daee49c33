import Testing
@testable import LuaKit

@Test func runsAScript() throws {
    let box = try TestSandbox()
    let results = try box.run("return 1 + 2, 'x', 2.5, nil, true")
    #expect(results == [.integer(3), .string("x"), .number(2.5), .nil, .bool(true)])
}
