import CLua
import LuaGlue

/// Rows of fields encoded once in one block of memory, from which
/// `LuaStack.pushRecord(_:rows:row:)` builds read-only records that decode
/// a field only when Lua reads it: the hot path of hosts that hand the same
/// rows to Lua millions of times. Immutable once built, so any number of
/// threads may read it.
public final class LuaRecordRows: @unchecked Sendable {
    /// Rows, and fields in each row.
    public let count: Int
    /// Values per row.
    public let fields: Int
    // @unchecked Sendable: written once in init, only read afterwards.
    private let bytes: UnsafeMutableRawBufferPointer
    private let offsets: UnsafeMutableBufferPointer<Int>

    fileprivate init(_ builder: LuaRecordRowsBuilder) {
        count = builder.offsets.count
        fields = builder.fields
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, builder.bytes.count), alignment: 8)
        builder.bytes.withUnsafeBytes { bytes.copyMemory(from: $0) }
        let offsets = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, builder.offsets.count))
        _ = offsets.initialize(from: builder.offsets)
        self.bytes = bytes
        self.offsets = offsets
    }

    deinit {
        bytes.deallocate()
        offsets.deallocate()
    }

    /// Bytes taken by the encoded rows.
    public var byteCount: Int { offsets.count == 0 ? 0 : bytes.count }

    /// The encoded bytes and the offset of each row, valid for `body` only
    /// (and for as long as this object lives, which a `LuaRowIndex` ensures).
    func withStorage<R>(_ body: (UnsafePointer<UInt8>, UnsafePointer<Int>) -> R) -> R {
        body(UnsafePointer(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)), UnsafePointer(offsets.baseAddress!))
    }

    func row(_ row: Int) -> UnsafePointer<UInt8> {
        precondition(row >= 0 && row < count, "row out of range")
        return UnsafePointer(bytes.baseAddress!.advanced(by: offsets[row]).assumingMemoryBound(to: UInt8.self))
    }
}

/// Encodes rows for `LuaRecordRows`: call `startRow()`, then add exactly
/// `fields` values, for each row in order.
public struct LuaRecordRowsBuilder: Sendable {
    /// Values per row.
    public let fields: Int
    fileprivate var bytes: [UInt8] = []
    fileprivate var offsets: [Int] = []

    /// An empty builder of rows of `fields` values, with room for `rowsCapacity` rows.
    public init(fields: Int, rowsCapacity: Int = 0) {
        self.fields = fields
        offsets.reserveCapacity(rowsCapacity)
    }

    /// Starts the next row.
    public mutating func startRow() { offsets.append(bytes.count) }

    /// Adds a `nil` value to the row.
    public mutating func addNil() { bytes.append(UInt8(CG_CELL_NIL)) }

    /// Adds a boolean to the row.
    public mutating func add(_ value: Bool) { bytes.append(UInt8(value ? CG_CELL_TRUE : CG_CELL_FALSE)) }

    /// Adds an integer to the row.
    public mutating func add(_ value: Int) {
        bytes.append(UInt8(CG_CELL_INTEGER))
        withUnsafeBytes(of: Int64(value)) { bytes.append(contentsOf: $0) }
    }

    /// Adds a number to the row.
    public mutating func add(_ value: Double) {
        bytes.append(UInt8(CG_CELL_NUMBER))
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Adds a string to the row.
    public mutating func add(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            bytes.append(UInt8(CG_CELL_STRING))
            withUnsafeBytes(of: UInt32(utf8.count)) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends the rows of `other` (same fields) after these.
    public mutating func append(_ other: LuaRecordRowsBuilder) {
        precondition(other.fields == fields, "rows with other fields")
        let shift = bytes.count
        offsets.append(contentsOf: other.offsets.map { $0 + shift })
        bytes.append(contentsOf: other.bytes)
    }

    /// The rows, encoded.
    public func build() -> LuaRecordRows { LuaRecordRows(self) }
}

/// The field names of records built from `LuaRecordRows`, prepared once
/// per state: records of one kind share their field functions.
public struct LuaRecordKind {
    let table: LuaTable
    /// Values per row.
    public let fields: Int

    /// A kind with the fields `names`. Reading another string key gives nil
    /// when it is one of `known`; otherwise it calls `unknown` (which may
    /// raise the error of a misspelt field) when given, else gives nil.
    public init(state: LuaState, fields names: [String], known: [String] = [], unknown: LuaFunction? = nil) {
        let L = state.L
        lua_createtable(L, Int32(names.count), 2)
        for (k, name) in names.enumerated() {
            state.pushString(name)
            lua_rawseti(L, -2, lua_Integer(k + 1))
        }
        if !known.isEmpty {
            lua_createtable(L, Int32(known.count), 0)
            for (k, name) in known.enumerated() {
                state.pushString(name)
                lua_rawseti(L, -2, lua_Integer(k + 1))
            }
            lua_setfield(L, -2, "known")
        }
        if let unknown {
            state.push(.function(unknown))
            lua_setfield(L, -2, "unknown")
        }
        cg_push_record_kind(L, -1)
        table = LuaTable(reference: LuaReference(poppingFrom: state))
        lua_settop(L, -2)
        fields = names.count
    }
}

extension LuaStack {
    /// Pushes the read-only record of `row`: an empty table whose fields are
    /// decoded from `rows` when read (nil fields are absent; `pairs` lists
    /// the others). Writing to it is an error. `rows` must outlive every use
    /// of the record.
    public func pushRecord(_ kind: LuaRecordKind, rows: LuaRecordRows, row: Int) {
        precondition(kind.fields == rows.fields, "record kind and rows disagree on the fields")
        let L = state.L
        _ = lua_rawgeti(L, clua_registryindex, lua_Integer(kind.table.reference.ref))
        cg_push_record(L, -1, rows.row(row))
        clua_remove(L, -2)
    }
}
