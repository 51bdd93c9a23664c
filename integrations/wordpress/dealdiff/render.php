<?php
/**
 * Renders dealdiff/comparison: WordPress sets $attributes from the block's comment. Only what the
 * element accepts reaches it: an http(s) `src`, the enumerated values of view, theme and loading,
 * and escaped text for lang, compare and the id. A block without a usable `src` prints nothing for
 * readers (and a hint for editors), never an empty widget.
 */

defined( 'ABSPATH' ) || exit;

// esc_url_raw: refuses other schemes; the wrapper attributes below escape it for HTML.
$dealdiff_src = isset( $attributes['src'] ) ? esc_url_raw( trim( (string) $attributes['src'] ), array( 'http', 'https' ) ) : '';
if ( '' === $dealdiff_src ) {
	if ( current_user_can( 'edit_posts' ) ) {
		echo '<p class="dealdiff-missing">' . esc_html__( 'Deal comparison: give the block the URL of a dealdiff payload (an http or https address).', 'dealdiff' ) . '</p>';
	}
	return;
}

$dealdiff_element = array( 'src' => $dealdiff_src );
$dealdiff_choices = array(
	'view'    => array( 'split', 'before', 'after' ),
	'theme'   => array( 'auto', 'light', 'dark' ),
	'loading' => array( 'eager', 'lazy' ),
);
foreach ( $dealdiff_choices as $dealdiff_name => $dealdiff_allowed ) {
	if ( isset( $attributes[ $dealdiff_name ] ) && in_array( $attributes[ $dealdiff_name ], $dealdiff_allowed, true ) ) {
		$dealdiff_element[ $dealdiff_name ] = $attributes[ $dealdiff_name ];
	}
}
foreach ( array( 'lang' => 'lang', 'compare' => 'compare', 'elementId' => 'id' ) as $dealdiff_name => $dealdiff_attr ) {
	if ( isset( $attributes[ $dealdiff_name ] ) && '' !== trim( (string) $attributes[ $dealdiff_name ] ) ) {
		$dealdiff_element[ $dealdiff_attr ] = trim( (string) $attributes[ $dealdiff_name ] );
	}
}

$dealdiff_loader = dealdiff_assets_url() . 'dealdiff.js';
if ( function_exists( 'wp_enqueue_script_module' ) ) {
	wp_enqueue_script_module( 'dealdiff', $dealdiff_loader, array(), null );
} else {
	echo '<script type="module" src="' . esc_url( $dealdiff_loader ) . '"></script>';
}
// get_block_wrapper_attributes escapes every value and adds the block's class (and alignment).
echo '<deal-diff ' . get_block_wrapper_attributes( $dealdiff_element ) . '></deal-diff>';
