import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './skip-link.css';

/**
 * "Skip to content", the first thing Tab reaches on every page: it moves the focus to the page's
 * main landmark (`#main`, else the first `main`, else the first heading), past the header and
 * the navigation.
 */
export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById('main') ?? document.querySelector('main') ?? document.querySelector('h1');
    if (!(target instanceof HTMLElement)) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {t('app.skipToContent')}
    </a>
  );
}
