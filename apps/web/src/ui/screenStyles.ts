// Every Mantine component's styles, loaded with the first screen (see `screen` in App.tsx). The
// entry imports only what the shell and its loading states draw; these repeat those rules in
// Mantine's own order, so the cascade is the same as with the one stylesheet.
import '@mantine/core/styles.css';
