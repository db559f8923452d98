import HotlineCore
import Testing
@testable import HotlineInput

/// Recognising a CDR and reading its rows into legs (docs/asterisk.md, "Formats" and "CDR").
@Suite struct CDRReadingTests {
    private static let standard = #""","5550001","6500","from-pstn","""Ann"" <5550001>","SIP/trunk-1","SIP/201-2","Dial","SIP/201,30","2024-01-27 15:07:24","2024-01-27 15:07:30","2024-01-27 15:08:00",36,30,"ANSWERED","DOCUMENTATION""#

    private func detect(_ line: String, forced: InputFormatName? = nil) throws -> (format: InputFormat, isHeader: Bool) {
        var bytes = Array(line.utf8)
        return try bytes.withUnsafeMutableBytes {
            try InputFormat.detect(firstLine: UnsafeRawBufferPointer($0), path: "cdr.csv", forced: forced)
        }
    }

    private func columns(_ line: String, forced: InputFormatName? = nil) throws -> CDRColumns {
        guard case .cdr(let columns) = try detect(line, forced: forced).format else {
            Issue.record("not read as a CDR: \(line)")
            throw InputError.notAMasterCSV(path: "cdr.csv")
        }
        return columns
    }

    private func parse(_ row: [UInt8], columns: CDRColumns, zone: ZoneOffsets = .utc) -> Result<CDRLeg, RejectReason> {
        let parser = CDRLineParser(columns: columns, switchZone: zone, fileIndex: 0)
        return row.withUnsafeBytes { parser.parse($0, line: 0) }
    }

    private func leg(_ row: String, columns: CDRColumns) throws -> CDRLeg {
        try parse(Array(row.utf8), columns: columns).get()
    }

    @Test func masterCSVIsRecognisedAtEveryWidthCdrCsvWrites() throws {
        let sixteen = try columns(Self.standard)
        #expect(sixteen.fieldCount == 16 && sixteen.uniqueID == nil && sixteen.linkedID == nil)
        let uniqueIDOnly = try columns(Self.standard + #","1706368044.0""#)
        #expect(uniqueIDOnly.uniqueID == 16)
        let userfieldOnly = try columns(Self.standard + #","vip""#)
        #expect(userfieldOnly.uniqueID == nil, "a lone extra field that is no uniqueid is the userfield")
        let eighteen = try columns(Self.standard + #","1706368044.0","""#)
        #expect(eighteen.uniqueID == 16 && eighteen.linkedID == nil)
        let twentyOne = try columns(Self.standard + #","1706368044.0","","","1706368044.0",0"#)
        #expect(twentyOne.uniqueID == 16 && twentyOne.linkedID == 19)
        #expect(try detect(Self.standard).isHeader == false)
    }

    @Test func aCdrCustomColumnOrderIsRefusedWithAHint() throws {
        let custom = #""Ann <1>","client1","6789","default","PJSIP/a","PJSIP/b","Dial","PJSIP/b","2023-07-26 01:51:32","2023-07-26 01:51:50","2023-07-26 01:52:04","31","13","ANSWERED","DOCUMENTATION","","1690325492.2","",2"#
        #expect(throws: InputError.customCDROrder(path: "cdr.csv")) { try detect(custom) }
        #expect(throws: InputError.notAMasterCSV(path: "cdr.csv")) { try detect(custom, forced: .cdr) }
    }

    @Test func exportHeadersAreRecognisedByTheirNames() throws {
        let asterisk = try columns("calldate,clid,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,amaflags,accountcode,uniqueid,userfield,linkedid")
        #expect(asterisk.start == 0 && asterisk.linkedID == 16 && asterisk.direction == nil)
        let grandstream = try columns("Account Code,Caller Number,Callee Number,Context,CallerID Number,Source Channel,Dest. Channel,Last app.,Last date,Start Time,Answer Time,End Time,Call Time,Talk Time,Disposition,AMA Flags,Unique ID,Log Userfield,Dest Channel Extension,Caller Name,Answered by,Session,Premier Caller,Action Type,Source Trunk Name,Destination Trunk Name")
        #expect(grandstream.session == 21 && grandstream.actionType == 23 && grandstream.billableSeconds == 13)
        #expect(grandstream.direction == 17)
        #expect(try detect("src,dst,lastapp,start,billsec,disposition").isHeader)
        #expect(throws: InputError.notACDRTable(path: "cdr.csv")) { try detect("a,b,c", forced: .cdrTable) }
        #expect(throws: InputError.duplicateColumn(path: "cdr.csv", column: "dst")) {
            try detect("src,dst,lastapp,start,billsec,disposition,DST")
        }
    }

    @Test func aRowBecomesALegInTheSwitchZone() throws {
        let columns = try columns(Self.standard + #","1706368044.5","","","1706368044.0",3"#)
        let paris = try ZoneOffsets(timeZoneIdentifier: "Europe/Paris")
        let leg = try parse(Array((Self.standard + #","1706368044.5","","","1706368044.0",3"#).utf8),
                            columns: columns, zone: paris).get()
        #expect(leg.callKey == Array("1706368044.0".utf8), "linkedid groups the legs")
        #expect(!leg.isOriginating)
        #expect(leg.caller == Array("5550001".utf8) && leg.dialled == Array("6500".utf8))
        #expect(leg.context == Array("from-pstn".utf8) && leg.destinationChannel == Array("SIP/201-2".utf8))
        #expect(leg.order.start == 1_706_368_044 - 3_600, "15:07:24 in Paris is 14:07:24 UTC")
        #expect(leg.billableSeconds == 30 && leg.disposition == .answered && leg.rangAPerson && !leg.enteredQueue)
    }

    @Test func aRowWithoutIdsIsLeftForItsTurnToName() throws {
        let leg = try leg(Self.standard, columns: try columns(Self.standard))
        #expect(leg.callKey.isEmpty && leg.switchIDs.isEmpty)
    }

    @Test func grandstreamMarksQueuesSessionsAndDirections() throws {
        let header = "Caller Number,Callee Number,Context,Dest. Channel,Last app.,Start Time,Talk Time,Disposition,Unique ID,Log Userfield,Session,Action Type"
        let columns = try columns(header)
        let leg = try leg("284344551,6500,ext-did-1,,Queue,2026-01-10 09:00:00,0,ANSWERED,1768035600.7,Inbound,1768035600.5-abc,QUEUE[6500]",
                          columns: columns)
        #expect(leg.callKey == Array("1768035600.5-abc".utf8))
        #expect(leg.enteredQueue && leg.direction == .inbound)
        let outbound = try self.leg("200,0049301234567,from-internal,PJSIP/trunk,Dial,2026-01-10 09:01:00,12,ANSWERED,1768035660.9,Outbound,1768035660.9,DIAL",
                                    columns: columns)
        #expect(outbound.direction == .outbound && !outbound.enteredQueue && outbound.isOriginating)
    }

    @Test func rowsThatCannotBeReadAreRejectedWithTheirReason() throws {
        let columns = try columns(Self.standard)
        func reason(_ row: String) -> RejectReason? {
            if case .failure(let reason) = parse(Array(row.utf8), columns: columns) { return reason }
            return nil
        }
        let replacing = { (old: String, new: String) in Self.standard.replacingOccurrences(of: old, with: new) }
        #expect(reason(replacing("\"2024-01-27 15:07:24\"", "\"27/01/2024 15:07\"")) == .switchField(name: "start", detail: "not YYYY-MM-DD HH:MM:SS"))
        #expect(reason(replacing(",30,\"ANSWERED\"", ",,\"ANSWERED\"")) == .field(column: "billsec", problem: .empty))
        #expect(reason(replacing("ANSWERED", "HUNG UP")) == .field(column: "disposition", problem: .unknownValue))
        #expect(reason(Self.standard + ",extra") == .fieldCount(found: 17, expected: 16))
        #expect(reason(replacing("\"DOCUMENTATION\"", "\"DOC")) != nil)
    }

    @Test func invalidUTF8CostsTheRowOnlyInAFieldTheRulesUse() throws {
        let columns = try columns(Self.standard)
        var inName = Array(Self.standard.utf8)
        inName[inName.firstIndex(of: UInt8(ascii: "A"))!] = 0xA5
        #expect(throws: Never.self) { try parse(inName, columns: columns).get() }
        var inCaller = Array(Self.standard.utf8)
        inCaller[4] = 0xA5
        if case .failure(let reason) = parse(inCaller, columns: columns) { #expect(reason == .invalidUTF8) }
        else { Issue.record("invalid UTF-8 in src must reject the row") }
    }

    @Test func quotedFieldsKeepTheirCommasAndQuotes() throws {
        let row = Self.standard.replacingOccurrences(of: "\"5550001\",\"6500\"", with: "\"555,0001\",\"65\"\"00\"")
        let leg = try leg(row, columns: try columns(Self.standard))
        #expect(leg.caller == Array("555,0001".utf8) && leg.dialled == Array("65\"00".utf8))
    }
}
