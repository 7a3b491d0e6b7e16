/** Webhooks: endpoints, their deliveries and the mail to an endpoint's owner (modules/webhooks). */
export const webhooks: Record<string, string> = {
  'The webhook endpoint was not found.': 'Končne točke spletnega kljuka ni bilo mogoče najti.',
  'The webhook delivery was not found.': 'Dostave spletnega kljuka ni bilo mogoče najti.',
  'Enter an https:// address (http:// only for localhost while testing), without a user name or password.':
    'Vnesite naslov https:// (http:// samo za localhost med preizkušanjem), brez uporabniškega imena ali gesla.',
  'At most {max} webhook endpoints can be added: delete one first.': 'Dodati je mogoče največ toliko končnih točk spletnih kljukov: {max}. Najprej eno izbrišite.',
  "Customer events go only to the vendor's endpoints.": 'Dogodki o strankah gredo samo na končne točke ponudnika.',
  '{address} is a private or internal address: webhooks are sent only to public addresses.':
    '{address} je zasebni ali notranji naslov: spletni kljuki se pošiljajo samo na javne naslove.',
  '{host} points to a private or internal address ({address}): webhooks are sent only to public addresses.':
    '{host} kaže na zasebni ali notranji naslov ({address}): spletni kljuki se pošiljajo samo na javne naslove.',
  'Choose at least one event, or all events.': 'Izberite vsaj en dogodek ali vse dogodke.',
  'This delivery is still being tried: wait for it to succeed or fail before sending it again.':
    'Ta dostava se še poskuša: preden jo pošljete znova, počakajte, da uspe ali ne uspe.',
  'Turn the endpoint on before sending it events again.': 'Preden ji znova pošljete dogodke, končno točko vklopite.',
  '{brand} turned off a webhook endpoint that kept failing': '{brand} je izklopil končno točko spletnega kljuka, ki ni delovala',
  'Every attempt to deliver events to {url} failed for more than a day, so {brand} stopped sending events to it.':
    'Vsi poskusi dostave dogodkov na {url} so bili več kot dan neuspešni, zato {brand} nanjo ne pošilja več dogodkov.',
  'Check the delivery log, fix the endpoint, then turn it on again:': 'Preglejte dnevnik dostav, popravite končno točko in jo nato znova vklopite:',
};
