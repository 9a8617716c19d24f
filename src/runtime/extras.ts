/**
 * The second script: what a learner needs only now and then, bundled apart
 * (scripts/build.mjs) and loaded by load-extras.ts when first asked for, so
 * that every page's first visit stays small. Its exports become the global
 * the runtime reads as `Extras`; typing them so keeps the two in step.
 */
import { showBanners as banners } from './banners.ts'
import type { Extras } from './extras-api.ts'
import { openMoveDialog as openMove } from './move-dialog.ts'
import { offerReload as offer } from './update-notice.ts'
import { showRecord as show } from './record-page.ts'
import { confirmReset as confirm } from './reset-dialog.ts'

export const openMoveDialog: Extras['openMoveDialog'] = openMove
export const showRecord: Extras['showRecord'] = show
export const confirmReset: Extras['confirmReset'] = confirm
export const offerReload: Extras['offerReload'] = offer
export const showBanners: Extras['showBanners'] = banners
