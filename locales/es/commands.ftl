## Commands

command-start = Bienvenida y tienda
command-balance = Tus créditos y tu pase de tiempo
command-buy = Comprar créditos o un pase de tiempo
command-history = Compras y gastos
command-billing = Tarjetas guardadas y recibos (pagos con tarjeta)
command-autorecharge = Recarga automática cuando te quedan pocos créditos
command-content = Fotos, vídeos y archivos exclusivos
command-language = Cambiar el idioma
command-help = Cómo funciona
command-terms = Condiciones de compra
command-privacy = Tus datos
command-paysupport = Ayuda con un pago
