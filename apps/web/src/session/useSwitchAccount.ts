import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { MeDocument, SwitchAccountDocument } from './session.graphql';

/**
 * Moves the session to another of the person's accounts. Everything cached belongs to the old
 * account, so the store is cleared; the start page of the new one opens, since the role there
 * may not reach the page the person was on.
 */
export function useSwitchAccount() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [mutate] = useMutation(SwitchAccountDocument);
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState<string | null>(null);

  async function switchTo(accountId: string) {
    setFailed(false);
    setPending(accountId);
    try {
      const { data } = await mutate({ variables: { accountId } });
      if (!data) throw new Error('no answer');
      await client.clearStore();
      client.cache.writeQuery({ query: MeDocument, data: { me: data.switchAccount } });
      await navigate('/', { replace: true });
    } catch {
      setFailed(true);
    } finally {
      setPending(null);
    }
  }

  return { switchTo, failed, pending };
}
