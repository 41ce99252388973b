using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Demo;

/// <summary>
/// Writes an account's life as the CRM stood just before a cut-off: only what was created before it, in the state
/// its events had produced by then. Later events are invisible: a deal closed later shows the stage it was in, a
/// registration decided later is pending, a conflict resolved later is open.
/// </summary>
internal static class AccountSnapshotWriter
{
    private static readonly string[] ActivityTypes = ["meeting", "call", "email", "note"];

    public static void Write(AccountLife life, DateTime cutoff, ICrmRecordSink sink)
    {
        if (life.CreatedAt < cutoff)
        {
            sink.Write(new Account(life.Id, life.Name, life.Domain, ProgramRoster.Regions[life.Region], CrmVocabulary.Segments[life.Segment], life.Owner.Email, life.IncumbentAt(cutoff)?.Id));
        }

        foreach (var opportunity in life.Opportunities)
        {
            if (opportunity.CreatedAt < cutoff)
            {
                WriteOpportunity(life, opportunity, cutoff, sink);
            }
        }

        foreach (var registration in life.Registrations)
        {
            if (registration.SubmittedAt < cutoff)
            {
                sink.Write(RegistrationAt(life, registration, cutoff));
            }
        }

        foreach (var lead in life.Leads)
        {
            if (lead.SubmittedAt < cutoff)
            {
                var decided = lead.DecidedAt < cutoff;
                sink.Write(new LeadRegistration(
                    lead.Id,
                    lead.Partner.Id,
                    lead.CompanyName,
                    lead.CompanyDomain,
                    lead.SubmittedAt,
                    Before(lead.FirstResponseAt, cutoff),
                    decided ? lead.DecidedAt : null,
                    decided ? (lead.Approved ? "approved" : "declined") : "pending",
                    Before(lead.FirstMeetingAt, cutoff),
                    lead.Opportunity is { } converted && converted.CreatedAt < cutoff ? converted.Id : null));
            }
        }

        foreach (var response in life.CsatResponses)
        {
            if (response.RespondedAt < cutoff)
            {
                sink.Write(new CsatResponse(response.Id, response.Partner.Id, life.Id, response.Score, response.RespondedAt));
            }
        }

        foreach (var conflict in life.Conflicts)
        {
            if (conflict.OpenedAt < cutoff)
            {
                var resolved = conflict.ResolvedAt < cutoff;
                sink.Write(new Conflict(
                    conflict.Id,
                    life.Id,
                    conflict.ConflictType,
                    conflict.Cause,
                    conflict.OpenedAt,
                    Before(conflict.AcknowledgedAt, cutoff),
                    resolved ? conflict.ResolvedAt : null,
                    resolved ? conflict.Resolution : null));
            }
        }
    }

    private static void WriteOpportunity(AccountLife life, OpportunityLife opportunity, DateTime cutoff, ICrmRecordSink sink)
    {
        var motion = MotionStages.Motions[opportunity.Motion];
        var stageIndex = 1;
        DateTime? closedAt = null;
        foreach (var entry in opportunity.Stages)
        {
            if (entry.At >= cutoff)
            {
                break;
            }

            stageIndex = entry.Index;
            if (stageIndex is MotionStages.ClosedWonIndex or MotionStages.ClosedLostIndex)
            {
                closedAt = entry.At;
            }
        }

        var closeDate = opportunity.CloseDates[0].Date;
        foreach (var change in opportunity.CloseDates)
        {
            if (change.At < cutoff)
            {
                closeDate = change.Date;
            }
        }

        NextStepUpdate? nextStep = null;
        foreach (var update in opportunity.NextSteps)
        {
            if (update.At < cutoff)
            {
                nextStep = update;
            }
        }

        DateTime? lastActivityAt = null;
        var visibleActivities = 0;
        foreach (var activity in opportunity.Activities)
        {
            if (activity.At >= cutoff)
            {
                break;
            }

            lastActivityAt = activity.At;
            visibleActivities++;
        }

        var conflictStatus = "none";
        foreach (var change in opportunity.ConflictStatuses)
        {
            if (change.At < cutoff)
            {
                conflictStatus = change.Status;
            }
        }

        var isClosed = closedAt is not null;
        var isWon = stageIndex == MotionStages.ClosedWonIndex;
        sink.Write(new Opportunity(
            opportunity.Id,
            life.Id,
            opportunity.Name,
            CrmVocabulary.OpportunityTypes[opportunity.Type],
            opportunity.MotionRecordedAt < cutoff ? motion : null,
            MotionStages.StageAt(motion, stageIndex),
            stageIndex,
            isClosed,
            isWon,
            opportunity.Arr,
            opportunity.CreatedAt,
            isClosed ? DemoCalendar.DateOf(closedAt!.Value) : closeDate,
            closedAt,
            opportunity.Owner.Email,
            nextStep?.Text,
            nextStep?.At,
            lastActivityAt,
            opportunity.DealRegistrationId,
            conflictStatus,
            isClosed && !isWon ? opportunity.LostReason : null));

        WritePartnerRows(opportunity, cutoff, sink);
        foreach (var entry in opportunity.Stages)
        {
            if (entry.At < cutoff)
            {
                sink.Write(new StageHistoryEntry(opportunity.Id, MotionStages.StageAt(motion, entry.Index), entry.Index, entry.At));
            }
        }

        Span<char> idBuffer = stackalloc char[32];
        for (var i = 0; i < visibleActivities; i++)
        {
            var activity = opportunity.Activities[i];
            sink.Write(new Activity(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, idBuffer, $"act{opportunity.Id.AsSpan(3)}-{i + 1:D3}"),
                opportunity.Id,
                activity.Partner?.Id,
                ActivityTypes[activity.Type],
                activity.At));
        }
    }

    /// <summary>
    /// Writes the partner rows added before the cut-off. Within each attribution, a row's percentage is its weight's
    /// share, rounded to two decimals, the last row taking the remainder so that the rows sum to exactly 100.
    /// </summary>
    private static void WritePartnerRows(OpportunityLife opportunity, DateTime cutoff, ICrmRecordSink sink)
    {
        Span<double> totals = stackalloc double[2];
        Span<int> remaining = stackalloc int[2];
        foreach (var row in opportunity.PartnerRows)
        {
            if (row.AddedAt < cutoff && row.AttributionRecordedAt < cutoff)
            {
                var group = row.Attribution == "sourced" ? 0 : 1;
                totals[group] += row.Weight;
                remaining[group]++;
            }
        }

        Span<decimal> assigned = stackalloc decimal[2];
        foreach (var row in opportunity.PartnerRows)
        {
            if (row.AddedAt >= cutoff)
            {
                continue;
            }

            string? attribution = null;
            decimal? percent = null;
            if (row.AttributionRecordedAt < cutoff)
            {
                var group = row.Attribution == "sourced" ? 0 : 1;
                attribution = row.Attribution;
                percent = --remaining[group] == 0
                    ? 100m - assigned[group]
                    : Math.Round((decimal)(100.0 * row.Weight / totals[group]), 2);
                assigned[group] += percent.Value;
            }

            sink.Write(new OpportunityPartner(opportunity.Id, row.Partner.Id, row.Partner.TypeName, attribution, percent, row.AddedAt));
        }
    }

    private static DealRegistration RegistrationAt(AccountLife life, RegistrationLife registration, DateTime cutoff)
    {
        var decided = registration.DecidedAt < cutoff;
        var approved = decided && registration.Approved;
        var converted = approved && registration.Opportunity is { } deal && deal.CreatedAt < cutoff;
        var protectionEnd = approved ? registration.ProtectionEndBefore(cutoff) : (DateOnly?)null;
        var expired = approved && !converted && DemoCalendar.StartOf(protectionEnd!.Value.AddDays(1)) <= cutoff;
        var status = !decided ? "pending" : !registration.Approved ? "declined" : converted ? "converted" : expired ? "expired" : "approved";
        return new DealRegistration(
            registration.Id,
            registration.Partner.Id,
            registration.AccountLinkedAt < cutoff ? life.Id : null,
            registration.CompanyName,
            registration.CompanyDomain,
            converted ? registration.Opportunity!.Id : null,
            registration.SubmittedAt,
            decided ? registration.DecidedAt : null,
            status,
            decided && !registration.Approved ? registration.DeclineReason : null,
            approved ? registration.ProtectionStart : null,
            protectionEnd,
            approved ? registration.ExtensionsBefore(cutoff) : 0);
    }

    private static DateTime? Before(DateTime instant, DateTime cutoff) => instant < cutoff ? instant : null;
}
