import { useMutation } from '@apollo/client/react';
import { useContext } from 'react';
import { chooseLanguage, type UiLanguage } from '../i18n';
import { MeDocument } from './session.graphql';
import { UpdateSettingsDocument } from './settings.graphql';
import { ViewerContext } from './viewer';

/**
 * Switches the UI language and, for a signed-in person, saves it with them so it follows them to
 * every device (F-06). Signed out, the choice stays in this browser.
 */
export function useLanguageChoice() {
  const viewer = useContext(ViewerContext);
  const [saveLanguage, { loading }] = useMutation(UpdateSettingsDocument, {
    refetchQueries: [MeDocument],
    update(cache, { data }) {
      if (data) cache.modify({ fields: { mySettings: () => data.updateSettings } });
    },
  });

  async function choose(language: UiLanguage): Promise<void> {
    await chooseLanguage(language);
    if (viewer) await saveLanguage({ variables: { input: { language: language === 'sl' ? 'SL' : 'EN' } } });
  }

  return { choose, saving: loading };
}
