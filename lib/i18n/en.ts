/**
 * English interface messages: the reference set. nl.ts and fr.ts must have exactly these keys (checked by
 * the type system and by tests/unit/i18n.test.ts). `{name}` placeholders are filled by `t()`.
 */
export const en = {
  'app.name': 'Capture & Report',
  'page.loading': 'Looking at this page…',
  'page.platformAndKind': '{platform} - {kind}',
  'page.noPlatform': 'No supported platform was recognised on this page.',
  'page.noPlatformHint':
    'You can still capture evidence here. Reporting steps are available for Facebook, Messenger, Instagram, Snapchat, YouTube, TikTok, X, WhatsApp and Discord.',
  'page.noTab': 'There is no page to work on in this window.',
  'page.restricted': 'This is a browser page that cannot be captured or read.',
  'page.current': 'Current page',
  'popup.openSidePanel': 'Reporting steps',
  'popup.openManager': 'Evidence and cases',
  'sidepanel.title': 'Report this content',
  'kind.home': 'start page',
  'kind.profile': 'profile',
  'kind.post': 'post',
  'kind.photo': 'photo',
  'kind.video': 'video',
  'kind.reel': 'short video',
  'kind.story': 'story',
  'kind.live': 'live video',
  'kind.channel': 'channel',
  'kind.group': 'group',
  'kind.server': 'server',
  'kind.server-channel': 'channel in a server',
  'kind.server-message': 'message in a server channel',
  'kind.dm-channel': 'private conversation',
  'kind.dm-message': 'message in a private conversation',
  'kind.chat': 'conversation',
  'kind.invite': 'invitation link',
  'kind.share': 'shared link',
  'kind.short-link': 'short link',
  'kind.link-shim': 'link to another site',
  'kind.other': 'page',
  'manager.title': 'Evidence and cases',
  'manager.welcome.title': 'Welcome',
  'manager.welcome.body':
    'Capture & Report helps you keep evidence of intimate images shared without consent, and report them. Everything stays on this computer until you choose to export it.',
} as const;

export type MessageKey = keyof typeof en;
