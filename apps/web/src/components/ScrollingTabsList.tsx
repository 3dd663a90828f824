import { Tabs, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './ScrollingTabsList.module.css';

/**
 * A Mantine `Tabs.List` that scrolls sideways when its tabs do not fit (a phone): the active tab
 * is always scrolled into view (on opening a link with `?tab=`, after a choice, after a turn of
 * the phone), and a fade with an arrow at an edge says there are more tabs that way (a tap on it
 * scrolls there). Swipe, trackpad and the keyboard (arrows move between tabs) scroll it too.
 */
export function ScrollingTabsList({ active, children }: { active: string; children: ReactNode }) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ before: false, after: false });

  const measure = useCallback(() => {
    const el = viewport.current;
    if (!el) return;
    const before = el.scrollLeft > 1;
    const after = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setMore((m) => (m.before === before && m.after === after ? m : { before, after }));
  }, []);

  /** Scrolls so the active tab is whole, with a little of its neighbours showing. */
  const reveal = useCallback(
    (behavior: ScrollBehavior) => {
      const el = viewport.current;
      const tab = el?.querySelector<HTMLElement>('[role="tab"][data-active]');
      if (!el || !tab) return;
      const peek = Math.min(48, el.clientWidth / 6);
      const start = tab.offsetLeft - peek;
      const end = tab.offsetLeft + tab.offsetWidth + peek - el.clientWidth;
      const left = el.scrollLeft > start ? start : el.scrollLeft < end ? end : el.scrollLeft;
      if (left !== el.scrollLeft) el.scrollTo({ left: Math.max(0, left), behavior });
      measure();
    },
    [measure],
  );

  const first = useRef(true);
  useLayoutEffect(() => {
    reveal(first.current ? 'instant' : 'smooth');
    first.current = false;
  }, [active, reveal]);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => reveal('instant'));
    observer.observe(el);
    return () => observer.disconnect();
  }, [reveal]);

  const page = (direction: 1 | -1) => {
    const el = viewport.current;
    el?.scrollBy({ left: direction * el.clientWidth * 0.7, behavior: 'smooth' });
  };

  return (
    <div className={classes.root}>
      <div ref={viewport} className={classes.viewport} onScroll={measure} data-testid="tabs-scroll">
        <Tabs.List className={classes.list}>{children}</Tabs.List>
      </div>
      {more.before && (
        <UnstyledButton
          className={classes.edge}
          data-side="before"
          tabIndex={-1}
          aria-label={t('common.moreTabsBefore')}
          onClick={() => page(-1)}
          data-testid="tabs-more-before"
        >
          <IconChevronLeft size={18} aria-hidden />
        </UnstyledButton>
      )}
      {more.after && (
        <UnstyledButton
          className={classes.edge}
          data-side="after"
          tabIndex={-1}
          aria-label={t('common.moreTabsAfter')}
          onClick={() => page(1)}
          data-testid="tabs-more-after"
        >
          <IconChevronRight size={18} aria-hidden />
        </UnstyledButton>
      )}
    </div>
  );
}
