import { useState, type KeyboardEvent } from 'react';
import { ClustersView } from '../clusters/ClustersView';
import { IntentView } from '../intent/IntentView';
import { PredictionsView } from '../predictions/PredictionsView';
import { RfmView } from '../rfm/RfmView';
import './scores.css';

const TABS = [
  { id: 'rfm', label: 'RFM', View: RfmView },
  { id: 'intent', label: 'Intent', View: IntentView },
  { id: 'clusters', label: 'Clusters', View: ClustersView },
  { id: 'predictions', label: 'Predictions', View: PredictionsView },
] as const;
type Tab = (typeof TABS)[number]['id'];

// The tab survives a trip to another view (views unmount when left), like a desktop app's last-used pane.
const TAB_KEY = 'tailor.scoresTab';
const savedTab = (): Tab => TABS.find((entry) => entry.id === sessionStorage.getItem(TAB_KEY))?.id ?? 'rfm';

/**
 * Every scoring model in one place: one tab per model, each its own feature
 * folder. Arrow keys move between tabs (WAI-ARIA tabs pattern).
 */
export function ScoresView() {
  const [tab, setTab] = useState<Tab>(savedTab);
  const choose = (next: Tab) => {
    sessionStorage.setItem(TAB_KEY, next);
    setTab(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.findIndex((entry) => entry.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(at + step + TABS.length) % TABS.length];
    if (!next) return;
    choose(next.id);
    document.getElementById(`scores-tab-${next.id}`)?.focus();
  };
  const current = TABS.find((entry) => entry.id === tab) ?? TABS[0];
  return (
    <div className="scores-view">
      <div className="scores-tabs" role="tablist" aria-label="Scoring models" onKeyDown={onKeyDown}>
        {TABS.map((entry) => (
          <button
            key={entry.id}
            id={`scores-tab-${entry.id}`}
            type="button"
            role="tab"
            aria-selected={entry.id === tab}
            aria-controls="scores-panel"
            tabIndex={entry.id === tab ? 0 : -1}
            onClick={() => choose(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div className="scores-panel" id="scores-panel" role="tabpanel" aria-labelledby={`scores-tab-${current.id}`}>
        <current.View />
      </div>
    </div>
  );
}
