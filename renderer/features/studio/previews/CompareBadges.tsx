import type { CompareSummary } from '../../../../shared/templates/preview-document';

/** Compare mode's counts for one persona, beside the marks in its email. */
export function CompareBadges({ summary }: { summary: CompareSummary }) {
  return (
    <>
      <span className="badge badge-token" data-testid="compare-tokens" title="Text that came from tokens, marked in blue">
        {summary.tokenTexts} from tokens
      </span>
      {summary.onlyHere > 0 && (
        <span
          className="badge badge-diff"
          data-testid="compare-only-here"
          title="Blocks some other persona does not get, outlined in orange"
        >
          {summary.onlyHere} block{summary.onlyHere === 1 ? '' : 's'} not in all
        </span>
      )}
      {summary.missingHere > 0 && (
        <span className="badge" data-testid="compare-missing-here" title="Blocks another persona gets and this one does not">
          {summary.missingHere} missing here
        </span>
      )}
    </>
  );
}
