<?php
// Runs the dealdiff WordPress plugin outside WordPress for wordpress-block.test.mjs: just enough
// of WordPress's functions, written to its documented behaviour, to load the plugin, fire `init`
// and render the block. Reads { attributes, canEdit, scriptModules, plugin } (the plugin folder's
// URL) as JSON on standard
// input; prints { html, blocks, modules } as JSON.

define( 'ABSPATH', '/' );
$input   = json_decode( stream_get_contents( STDIN ), true );
$actions = array();
$blocks  = array();
$modules = array();

function add_action( $hook, $callback ) { $GLOBALS['actions'][ $hook ][] = $callback; }
function do_action( $hook ) { foreach ( $GLOBALS['actions'][ $hook ] ?? array() as $callback ) { $callback(); } }
function apply_filters( $hook, $value ) { return $value; }
function register_block_type( $dir ) { $GLOBALS['blocks'][] = $dir; }
function plugins_url( $path, $file ) { return $GLOBALS['input']['plugin'] . ltrim( $path, '/' ); }
function trailingslashit( $url ) { return rtrim( $url, '/\\' ) . '/'; }
function current_user_can( $capability ) { return ! empty( $GLOBALS['input']['canEdit'] ); }
function esc_attr( $text ) { return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8', false ); }
function esc_html( $text ) { return esc_attr( $text ); }
function esc_html__( $text, $domain ) { return esc_html( $text ); }
// WordPress: '' for a URL whose scheme is not in $protocols (relative URLs pass), control
// characters and spaces stripped.
function esc_url_raw( $url, $protocols = array( 'http', 'https' ) ) {
	$url = preg_replace( '/[\x00-\x20\x7f]/', '', (string) $url );
	if ( '' === $url ) { return ''; }
	$colon = strpos( $url, ':' );
	if ( false !== $colon && strcspn( $url, '/?#' ) > $colon ) {
		if ( ! in_array( strtolower( substr( $url, 0, $colon ) ), $protocols, true ) ) { return ''; }
	}
	return $url;
}
function esc_url( $url ) { return str_replace( '&', '&#038;', esc_attr( esc_url_raw( $url ) ) ); }
function get_block_wrapper_attributes( $extra ) {
	$attributes = array( 'class' => trim( 'wp-block-dealdiff-comparison ' . ( $extra['class'] ?? '' ) ) ) + $extra;
	$parts      = array();
	foreach ( $attributes as $name => $value ) { $parts[] = $name . '="' . esc_attr( $value ) . '"'; }
	return implode( ' ', $parts );
}
if ( ! empty( $input['scriptModules'] ) ) {
	function wp_enqueue_script_module( $id, $src, $deps, $version ) { $GLOBALS['modules'][] = compact( 'id', 'src', 'deps', 'version' ); }
}

$plugin = dirname( __DIR__ ) . '/wordpress/dealdiff';
require $plugin . '/dealdiff.php';
do_action( 'init' );
$metadata = json_decode( file_get_contents( $blocks[0] . '/block.json' ), true );
$attributes = $input['attributes'];
ob_start();
require $blocks[0] . '/' . substr( $metadata['render'], strlen( 'file:./' ) );
$html = ob_get_clean();
echo json_encode( array( 'html' => $html, 'blocks' => $blocks, 'modules' => $modules, 'metadata' => $metadata ) );
